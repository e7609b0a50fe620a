using System.Globalization;
using FluentValidation;
using PointsLedger.Http;

namespace PointsLedger.Households;

/// <summary>Resident ID numbers (GB 11643-1999): 17 digits, a birth date, and a check character.</summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static bool IsValid(string? value) =>
        value is { Length: 18 }
        && !value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9')
        && char.ToUpperInvariant(value[17]) == CheckCharacter(value.AsSpan(0, 17))
        && DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>The 18th character that the first 17 digits call for.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>
    /// The region code alone, 370112************: the last six characters open the household card, so
    /// no mask shows any of them. Masking a mask recorded before this rule hides its last four too.
    /// </summary>
    public static string Mask(string value) => string.Concat(value.AsSpan(0, 6), new string('*', 12));

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    /// <summary>The validation rule every command that takes a whole ID number states the same way.</summary>
    public static IRuleBuilderOptions<T, string> MustBeIdNumber<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(IsValid).WithMessage("身份证号码无效（须为18位且校验位正确）", "Not a valid ID number (18 characters with a correct check character)");
}
