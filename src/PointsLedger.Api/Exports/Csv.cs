using System.Globalization;
using System.Text;

namespace PointsLedger.Exports;

public static class Csv
{
    /// <summary>
    /// RFC 4180, UTF-8 with a byte-order mark so that Excel shows Chinese. Text that a spreadsheet
    /// would run as a formula (=, +, -, @, tab, carriage return) is prefixed with an apostrophe.
    /// </summary>
    public static byte[] Write(Table table)
    {
        var text = new StringBuilder();
        AppendRow(text, table.Headers);
        foreach (var row in table.Rows) AppendRow(text, row);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void AppendRow(StringBuilder text, IEnumerable<object?> cells)
    {
        text.AppendJoin(',', cells.Select(Cell));
        text.Append("\r\n");
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        int or long or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        string s => Quote(s.Length > 0 && "=+-@\t\r".Contains(s[0]) ? "'" + s : s),
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture)!),
    };

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
