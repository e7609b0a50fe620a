namespace PointsLedger.Redemptions;

/// <summary>Configuration section "Redemptions".</summary>
public sealed class RedemptionSettings
{
    /// <summary>How many days after a redemption the merchant or an admin may still reverse it.</summary>
    public int ReversalDays { get; set; } = 7;
}
