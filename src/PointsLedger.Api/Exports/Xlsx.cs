using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PointsLedger.Exports;

/// <summary>A share that a spreadsheet shows as a percentage (0.043 as 4.3%) and still computes with.</summary>
public sealed record Percent(decimal Value);

public static class Xlsx
{
    /// <summary>Excel's built-in "0.00%" number format.</summary>
    private const uint PercentFormat = 10;

    public static byte[] Write(Table table) => Write([table]);

    /// <summary>One worksheet per table, named by its title: the headers, then the rows; numbers stay numbers so that Excel can sum them.</summary>
    public static byte[] Write(IReadOnlyList<Table> tables)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            for (var i = 0; i < tables.Count; i++)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(tables[i].Headers));
                foreach (var row in tables[i].Rows) data.Append(Row(row));
                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)i + 1, Name = SheetName(tables[i].Title) });
            }
        }
        return output.ToArray();
    }

    private static Row Row(IEnumerable<object?> cells) => new(cells.Select(Cell));

    private static Cell Cell(object? value) => value switch
    {
        int or long or decimal => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
        Percent share => new Cell { DataType = CellValues.Number, StyleIndex = 1, CellValue = new CellValue(share.Value.ToString(CultureInfo.InvariantCulture)) },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")) },
    };

    /// <summary>The least a workbook needs to format a cell: one font, fill and border, and two cell formats (plain, percent).</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = PercentFormat, ApplyNumberFormat = true }) { Count = 2 });

    /// <summary>Excel allows 31 characters and none of []:*?/\ in a sheet name.</summary>
    private static string SheetName(string title)
    {
        var name = new string(title.Where(c => !"[]:*?/\\".Contains(c)).ToArray());
        return name.Length > 31 ? name[..31] : name;
    }
}
