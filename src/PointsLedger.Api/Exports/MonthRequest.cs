using PointsLedger.Problems;

namespace PointsLedger.Exports;

public enum ExportFormat { Json, Csv, Xlsx, Html, Pdf }

/// <summary>
/// A month with an optional file extension, as report routes take it: "2026-10" answers JSON,
/// "2026-10.csv" and "2026-10.xlsx" a download, ".html" and ".pdf" a printable page where the route has one.
/// </summary>
public sealed record MonthRequest(DateOnly FirstDay, ExportFormat Format)
{
    public string Month => FirstDay.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public DateOnly NextMonth => FirstDay.AddMonths(1);

    public bool Contains(DateOnly day) => day >= FirstDay && day < NextMonth;

    public static MonthRequest Parse(string text)
    {
        var dot = text.IndexOf('.');
        var (month, extension) = dot < 0 ? (text, "") : (text[..dot], text[(dot + 1)..]);
        return DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out var first) && first.Year is >= 2000 and <= 2999
            ? new MonthRequest(first, FormatOf(extension))
            : throw Refusal.Unprocessable("invalid-month", month);
    }

    public static ExportFormat FormatOf(string extension) => extension switch
    {
        "" or "json" => ExportFormat.Json,
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        "html" => ExportFormat.Html,
        "pdf" => ExportFormat.Pdf,
        _ => throw new Refusal("unknown-format", 404, extension),
    };

    /// <summary>The JSON document itself, the table as a file named after it, or the printable page.</summary>
    public IResult Answer<T>(T document, Func<T, Table> table, Func<T, string>? html = null, Func<T, byte[]>? pdf = null)
    {
        switch (Format)
        {
            case ExportFormat.Json: return Results.Json(document);
            case ExportFormat.Html when html is not null: return Results.Content(html(document), "text/html; charset=utf-8");
            case ExportFormat.Pdf when pdf is not null: return Results.File(pdf(document), "application/pdf", $"{table(document).Title}.pdf");
            case ExportFormat.Html or ExportFormat.Pdf: throw new Refusal("unknown-format", 404, Format.ToString().ToLowerInvariant());
        }
        var sheet = table(document);
        var fileName = $"{sheet.Title}.{Format.ToString().ToLowerInvariant()}";
        return Format == ExportFormat.Csv
            ? Results.File(Csv.Write(sheet), "text/csv; charset=utf-8", fileName)
            : Results.File(Xlsx.Write(sheet), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }
}
