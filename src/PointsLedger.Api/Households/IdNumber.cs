using System.Globalization;

namespace PointsLedger.Households;

/// <summary>Resident ID numbers (GB 11643-1999): 17 digits, a birth date, and a check character.</summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static bool IsValid(string? value)
    {
        if (value is not { Length: 18 }) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i])) return false;
            sum += (value[i] - '0') * Weights[i];
        }
        var birth = value.Substring(6, 8);
        return char.ToUpperInvariant(value[17]) == CheckCharacters[sum % 11]
            && DateOnly.TryParseExact(birth, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>Region code and the last four characters: 370112********1234.</summary>
    public static string Mask(string value) => string.Concat(value.AsSpan(0, 6), new string('*', 8), value.AsSpan(14, 4));

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();
}
