using System.Security.Cryptography;

namespace PointsLedger.Security;

public static class ReadableCodes
{
    // Crockford's base 32: no I, L, O or U, so a code read aloud over the phone is not misheard.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Eight characters, 40 random bits, easy to read aloud and to type from paper.</summary>
    public static string Random() =>
        string.Concat(Enumerable.Range(0, 8).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));
}
