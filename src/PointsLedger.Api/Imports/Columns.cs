using System.Globalization;
using System.Text;

namespace PointsLedger.Imports;

/// <summary>A column an import reads, by the names villages give it in their sheets.</summary>
public sealed record Column(string Key, string Header, params string[] Aliases)
{
    public bool Matches(string header) => Header == header || Aliases.Contains(header);
}

/// <summary>Where each known column is in the sheet, found on the first row that names two of them (rows above it are titles).</summary>
public sealed record HeaderRow(int Number, IReadOnlyDictionary<string, int> Positions, IReadOnlyList<string> Unknown)
{
    public static HeaderRow? Find(SheetRow row, IReadOnlyList<Column> columns)
    {
        var positions = new Dictionary<string, int>();
        var unknown = new List<string>();
        for (var i = 0; i < row.Cells.Count; i++)
        {
            var header = CellText.Clean(row.Cells[i]?.Text);
            if (header.Length == 0) continue;
            var column = columns.FirstOrDefault(c => c.Matches(header));
            if (column is not null) positions.TryAdd(column.Key, i);
            else unknown.Add(header);
        }
        return positions.Count >= 2 ? new HeaderRow(row.Number, positions, unknown) : null;
    }

    public SheetCell? Cell(SheetRow row, string key) =>
        Positions.TryGetValue(key, out var index) && index < row.Cells.Count ? row.Cells[index] : null;

    public string Text(SheetRow row, string key) => CellText.Clean(Cell(row, key)?.Text);
}

/// <summary>What villages' sheets do to text: spaces around it, full-width digits and letters (１２３), a lowercase x.</summary>
public static class CellText
{
    public static string Clean(string? text) => text is null ? "" : text.Normalize(NormalizationForm.FormKC).Trim();

    /// <summary>Excel's day numbers (46310) and the ways villages write a date: 2026-10-15, 2026/10/15, 2026.10.15, 2026年10月15日.</summary>
    public static DateOnly? Date(SheetCell? cell)
    {
        var text = Clean(cell?.Text);
        if (text.Length == 0) return null;
        if (cell!.IsNumber && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2_958_466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }
        string[] formats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }
}
