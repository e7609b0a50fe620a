namespace PointsLedger.Notices;

/// <summary>Configuration section "Notices": how long residents may object, by default and per township; the public address.</summary>
public sealed class NoticeSettings
{
    public int ObjectionDays { get; set; } = 7;
    public Dictionary<string, int> Townships { get; set; } = new();

    /// <summary>Where residents reach the public check (<c>/verify</c>) from a printed sheet's QR code; the request's own address when unset.</summary>
    public string? PublicBaseUrl { get; set; }

    public int ObjectionDaysFor(string township) => Townships.TryGetValue(township, out var days) ? days : ObjectionDays;
}
