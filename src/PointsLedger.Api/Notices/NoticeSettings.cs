namespace PointsLedger.Notices;

/// <summary>Configuration section "Notices": how long residents may object, by default and per township.</summary>
public sealed class NoticeSettings
{
    public int ObjectionDays { get; set; } = 7;
    public Dictionary<string, int> Townships { get; set; } = new();

    public int ObjectionDaysFor(string township) => Townships.TryGetValue(township, out var days) ? days : ObjectionDays;
}
