using System.Globalization;
using System.Security.Cryptography;

namespace PointsLedger.Redemptions;

public static class ReceiptNumbers
{
    // Crockford's base 32: no I, L, O or U, so a number read aloud over the phone is not misheard.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>"20261124-7KQ3M9XD": the day, then 40 random bits; unique across receipts (an index guards it).</summary>
    public static string New(DateOnly day) =>
        day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" +
        string.Concat(Enumerable.Range(0, 8).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));
}
