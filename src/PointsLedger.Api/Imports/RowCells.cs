using System.Globalization;
using System.Text.RegularExpressions;
using PointsLedger.Households;
using PointsLedger.Problems;

namespace PointsLedger.Imports;

/// <summary>The checks every row shares, each a refusal with the code the single routes answer with.</summary>
public static partial class RowCells
{
    /// <summary>
    /// An ID number as the sheet holds it: Excel turns 18 digits into a number with 15 significant ones
    /// (3.70112E+17 or 370112198001011000), so a number is refused, never read with wrong digits.
    /// </summary>
    public static string? IdNumber(SheetCell? cell, string column)
    {
        var text = CellText.Clean(cell?.Text);
        if (text.Length == 0) return null;
        if (cell!.IsNumber || ScientificNumber().IsMatch(text)) throw new Refusal(ProblemCodes.IdNumberStoredAsNumber, Masked(text));
        var normalized = Households.IdNumber.Normalize(text);
        return Households.IdNumber.IsValid(normalized) ? normalized : throw new Refusal(ProblemCodes.IdNumberInvalid, Masked(text));
    }

    /// <summary>A phone Excel stored as a number still has all its 11 digits.</summary>
    public static string? Phone(SheetCell? cell)
    {
        var text = CellText.Clean(cell?.Text);
        if (text.Length == 0) return null;
        if (cell!.IsNumber && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) text = number.ToString("0", CultureInfo.InvariantCulture);
        return Regex.IsMatch(text, PhoneNumber.Pattern) ? text : throw new Refusal(ProblemCodes.PhoneInvalid, text);
    }

    public static string Required(string text, string header) => text.Length > 0 ? text : throw new Refusal(ProblemCodes.FieldMissing, header);

    public static string Limited(string text, string header, int length) => text.Length <= length ? text : throw new Refusal(ProblemCodes.FieldTooLong, header, length);

    /// <summary>What a report may say of an ID number, right or wrong: its first six characters (the region), never the rest.</summary>
    public static string Masked(string text) => text.Length <= 6 ? new string('*', text.Length) : string.Concat(text.AsSpan(0, 6), new string('*', text.Length - 6));

    /// <summary>A roster exported here shows ID numbers masked (370112********1234): such a value names no one and is read as absent.</summary>
    public static bool IsMasked(SheetCell? cell) => CellText.Clean(cell?.Text).Contains('*');

    [GeneratedRegex(@"^\d(\.\d+)?[eE]\+?\d+$")]
    private static partial Regex ScientificNumber();
}
