using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PointsLedger.Imports;

/// <summary>
/// The sheets imports hand out: templates, the exported roster and an import's report. Columns named in
/// <c>textColumns</c> are formatted as text (so Excel keeps an 18-digit ID number as typed), highlighted
/// rows are filled, and a column may offer a list of choices kept on a hidden sheet.
/// </summary>
public static class WorkbookWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint TextStyle = 1, HighlightStyle = 2;

    /// <param name="choices">A column (0-based) and the values its cells offer as a drop-down.</param>
    public static byte[] Write(string sheetName, IEnumerable<IReadOnlyList<object?>> rows, IReadOnlyCollection<int> textColumns,
        Func<int, bool>? highlighted = null, (int Column, IReadOnlyList<string> Values)? choices = null)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var number = 0;
            foreach (var cells in rows)
            {
                number++;
                var fill = highlighted?.Invoke(number) == true;
                var row = new Row { RowIndex = (uint)number };
                for (var column = 0; column < cells.Count; column++)
                {
                    if (cells[column] is not { } value) continue;
                    var cell = value is double or int or long or decimal
                        ? new Cell { CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!) }
                        : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value)!)) };
                    cell.CellReference = Reference(column, number);
                    cell.StyleIndex = fill ? HighlightStyle : textColumns.Contains(column) ? TextStyle : null;
                    row.Append(cell);
                }
                data.Append(row);
            }
            var columns = new Columns(Enumerable.Range(0, 12).Select(c => new DocumentFormat.OpenXml.Spreadsheet.Column
            {
                Min = (uint)c + 1, Max = (uint)c + 1, Width = textColumns.Contains(c) ? 22 : 14, CustomWidth = true,
                Style = textColumns.Contains(c) ? TextStyle : null,
            }));
            var worksheet = new Worksheet(columns, data);
            part.Worksheet = worksheet;
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = sheetName });

            if (choices is { Values.Count: > 0 } list)
            {
                var hidden = workbook.AddNewPart<WorksheetPart>();
                hidden.Worksheet = new Worksheet(new SheetData(list.Values.Select((value, i) =>
                    new Row(new Cell { CellReference = $"A{i + 1}", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) })
                    { RowIndex = (uint)i + 1 })));
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(hidden), SheetId = 2, Name = "选项", State = SheetStateValues.Hidden });
                var letter = Letters(list.Column);
                worksheet.Append(new DataValidations(new DataValidation
                {
                    Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}20000" },
                    Formula1 = new Formula1($"选项!$A$1:$A${list.Values.Count}"),
                }));
            }
        }
        return output.ToArray();
    }

    private static string Reference(int column, int row) => $"{Letters(column)}{row}";

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    private static string Letters(int column) => column < 26 ? ((char)('A' + column)).ToString() : Letters(column / 26 - 1) + (char)('A' + column % 26);

    /// <summary>Style 1: text (number format 49, "@"); style 2: a yellow fill for a row to look at.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font()),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFEB9C" }) { PatternType = PatternValues.Solid })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, FillId = 2, ApplyNumberFormat = true, ApplyFill = true }));
}
