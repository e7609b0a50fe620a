using System.Security.Cryptography;
using PointsLedger.Security;

namespace PointsLedger.Residents;

/// <summary>
/// A one-time sign-in code sent to a household's phone: stored only as a hash, valid for five
/// minutes, good for one sign-in, and dead after five wrong tries. Keyed by the phone's hash.
/// </summary>
public sealed record OneTimeCode(string Id, Guid HouseholdId, string CodeHash, DateTimeOffset ExpiresAt, int WrongTries);

public static class OneTimeCodes
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public const int MaxWrongTries = 5;

    public static string KeyFor(string phone) => Digest.Sha256Hex($"phone:{phone}");

    public static string HashCode(string phone, string code) => Digest.Sha256Hex($"code:{phone}:{code}");

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");

    /// <summary>138****5678: enough for a person to recognise their own phone in a log.</summary>
    public static string MaskPhone(string phone) => phone.Length == 11 ? $"{phone[..3]}****{phone[7..]}" : "***";
}
