namespace PointsLedger.Http;

/// <summary>Dates in the ledger are the villages' dates: China Standard Time.</summary>
public static class LedgerClock
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(this TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The village date of a moment (an event's timestamp, say).</summary>
    public static DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(LocalTime(moment).DateTime);

    public static DateTimeOffset LocalTime(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);
}
