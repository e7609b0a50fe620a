using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PointsLedger.Problems;
using Sylvan.Data.Csv;

namespace PointsLedger.Imports;

/// <summary>A cell as the sheet holds it: its text, and whether Excel stored it as a number (an ID number stored so has lost digits).</summary>
public sealed record SheetCell(string Text, bool IsNumber);

/// <param name="Number">The row's number in the sheet as its user sees it (1 is the first row).</param>
public sealed record SheetRow(int Number, IReadOnlyList<SheetCell?> Cells);

/// <summary>
/// The rows of the first worksheet of an .xlsx, or of a .csv, read one at a time from a file on disk so
/// memory does not grow with the file. A merged range's value stands in every cell of the range (a grid
/// merged down the households it holds). A CSV's encoding is its BOM, else UTF-8 when the whole file is
/// valid UTF-8, else GB18030 (what Excel writes on a Chinese Windows machine).
/// </summary>
public static class SheetRows
{
    static SheetRows() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IEnumerable<SheetRow> Read(string path)
    {
        var head = new byte[4096];
        int read;
        using (var probe = File.OpenRead(path)) read = probe.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read == 0) throw new Refusal(ProblemCodes.ImportEmpty);
        if (read >= 2 && head[0] == (byte)'P' && head[1] == (byte)'K') return Xlsx(path);
        // Text has no NUL byte in UTF-8 or GB18030; a PDF, a picture or an old .xls does.
        return head.AsSpan(0, read).Contains((byte)0) ? throw new Refusal(ProblemCodes.ImportNotASpreadsheet) : Csv(path);
    }

    private static IEnumerable<SheetRow> Xlsx(string path)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new Refusal(ProblemCodes.ImportNotASpreadsheet);
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new Refusal(ProblemCodes.ImportNotASpreadsheet);
            var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new Refusal(ProblemCodes.ImportEmpty);
            var sheet = (WorksheetPart)workbook.GetPartById(first.Id!);
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(item => item.InnerText).ToArray() ?? [];
            var merged = MergedRanges(sheet);
            var above = new Dictionary<int, SheetCell?>();
            var previous = 0;

            using var reader = OpenXmlReader.Create(sheet);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var number = row.RowIndex?.Value is { } index ? (int)index : previous + 1;
                previous = number;
                var cells = new List<SheetCell?>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnOf(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column) cells.Add(null);
                    cells.Add(ValueOf(cell, strings));
                }
                foreach (var range in merged.Where(m => m.ContainsRow(number)))
                {
                    while (cells.Count <= range.LastColumn) cells.Add(null);
                    for (var column = range.FirstColumn; column <= range.LastColumn; column++)
                    {
                        cells[column] = number == range.Rows.Start.Value ? cells[range.FirstColumn] : above.GetValueOrDefault(range.FirstColumn);
                    }
                    if (number == range.Rows.Start.Value) above[range.FirstColumn] = cells[range.FirstColumn];
                }
                yield return new SheetRow(number, cells);
            }
        }
    }

    private sealed record MergedRange(Range Rows, int FirstColumn, int LastColumn)
    {
        public bool ContainsRow(int row) => row >= Rows.Start.Value && row <= Rows.End.Value;
    }

    private static List<MergedRange> MergedRanges(WorksheetPart sheet)
    {
        var ranges = new List<MergedRange>();
        using var reader = OpenXmlReader.Create(sheet);
        while (reader.Read())
        {
            // The merged ranges follow the rows in the file: stepping over the rows unread makes this pass cheap.
            if (reader.ElementType == typeof(SheetData) && reader.IsStartElement) reader.Skip();
            if (reader.ElementType != typeof(MergeCell) || !reader.IsStartElement) continue;
            var reference = ((MergeCell)reader.LoadCurrentElement()!).Reference?.Value?.Split(':');
            if (reference is not [var from, var to] || ColumnOf(from) is not { } firstColumn || ColumnOf(to) is not { } lastColumn) continue;
            ranges.Add(new MergedRange(new Range(RowOf(from), RowOf(to)), firstColumn, lastColumn));
        }
        return ranges;
    }

    private static SheetCell? ValueOf(Cell cell, string[] strings)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return new SheetCell(cell.InlineString?.InnerText ?? "", false);
        var text = cell.CellValue?.Text;
        if (text is null) return null;
        if (cell.DataType?.Value == CellValues.SharedString) return new SheetCell(int.TryParse(text, out var index) && index < strings.Length ? strings[index] : "", false);
        var isNumber = cell.DataType is null || cell.DataType.Value == CellValues.Number;
        return new SheetCell(text, isNumber);
    }

    /// <summary>"C7" → 2 (columns count from 0).</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter)) column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return column == 0 ? null : column - 1;
    }

    private static int RowOf(string reference) => int.Parse(reference.SkipWhile(char.IsAsciiLetter).ToArray());

    private static IEnumerable<SheetRow> Csv(string path)
    {
        using var text = new StreamReader(path, EncodingOf(path), detectEncodingFromByteOrderMarks: true);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = false });
        var number = 0;
        while (csv.Read())
        {
            number++;
            var cells = new SheetCell?[csv.RowFieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = new SheetCell(csv.GetString(i), false);
            yield return new SheetRow(number, cells);
        }
    }

    private static Encoding EncodingOf(string path)
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        try
        {
            using var reader = new StreamReader(path, strict, detectEncodingFromByteOrderMarks: true);
            var buffer = new char[64 * 1024];
            while (reader.Read(buffer, 0, buffer.Length) > 0)
            {
            }
            return strict;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030");
        }
    }
}
