using System.Globalization;

namespace PointsLedger.Ledger;

/// <summary>The ledger's months as text: "2026-10", as routes, notices, caps and limits name them.</summary>
public static class Months
{
    public static string Of(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static DateOnly FirstDayOf(string month) => DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
