using PointsLedger.Ledger;
using PointsLedger.Problems;

namespace PointsLedger.Exports;

/// <summary>
/// A month with an optional file extension, as report routes take it: "2026-10" answers JSON,
/// "2026-10.csv" and "2026-10.xlsx" a download, ".html" and ".pdf" a printable page where the route has one.
/// </summary>
public sealed record MonthRequest(DateOnly FirstDay, ExportFormat Format)
{
    public string Month => Months.Of(FirstDay);

    public DateOnly NextMonth => FirstDay.AddMonths(1);

    public bool Contains(DateOnly day) => day >= FirstDay && day < NextMonth;

    public static MonthRequest Parse(string text)
    {
        var dot = text.IndexOf('.');
        var (month, extension) = dot < 0 ? (text, "") : (text[..dot], text[(dot + 1)..]);
        return DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out var first) && first.Year is >= 2000 and <= 2999
            ? new MonthRequest(first, ExportFormats.Parse(extension))
            : throw new Refusal(ProblemCodes.InvalidMonth, month);
    }
}
