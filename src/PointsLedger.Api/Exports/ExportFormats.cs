using PointsLedger.Problems;

namespace PointsLedger.Exports;

public enum ExportFormat { Json, Csv, Xlsx, Html, Pdf }

public static class ExportFormats
{
    public static ExportFormat Parse(string extension) => extension switch
    {
        "" or "json" => ExportFormat.Json,
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        "html" => ExportFormat.Html,
        "pdf" => ExportFormat.Pdf,
        _ => throw new Refusal(ProblemCodes.UnknownFormat, extension),
    };

    /// <summary>
    /// The JSON document itself, the table as a file named after it, or the printable page; a spreadsheet
    /// has the <paramref name="workbook"/>'s sheets where the document gives them, else the one table.
    /// </summary>
    public static IResult Answer<T>(
        this ExportFormat format, T document, Func<T, Table> table, Func<T, IResult>? html = null, Func<T, byte[]>? pdf = null,
        Func<T, IReadOnlyList<Table>>? workbook = null)
    {
        switch (format)
        {
            case ExportFormat.Json: return Results.Json(document);
            case ExportFormat.Html when html is not null: return html(document);
            case ExportFormat.Pdf when pdf is not null: return Results.File(pdf(document), "application/pdf", $"{table(document).Title}.pdf");
            case ExportFormat.Html or ExportFormat.Pdf: throw new Refusal(ProblemCodes.UnknownFormat, format.ToString().ToLowerInvariant());
        }
        var sheet = table(document);
        var fileName = $"{sheet.Title}.{format.ToString().ToLowerInvariant()}";
        return format == ExportFormat.Csv
            ? Results.File(Csv.Write(sheet), "text/csv; charset=utf-8", fileName)
            : Results.File(Xlsx.Write(workbook?.Invoke(document) ?? [sheet]), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }
}
