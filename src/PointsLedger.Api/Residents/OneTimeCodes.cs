using System.Security.Cryptography;
using PointsLedger.Security;

namespace PointsLedger.Residents;

/// <summary>
/// A phone's one-time sign-in code and its daily budget, keyed by the phone's hash. The code is stored
/// only as a hash (none for a phone no household registered), is valid for five minutes, good for one
/// sign-in, and dead after five wrong tries. A phone gets at most five codes and ten wrong tries a day
/// (village dates), whether or not it is registered, so neither guessing nor the answers tell anything.
/// </summary>
public sealed record OneTimeCode(
    string Id, Guid? HouseholdId, string? CodeHash, DateTimeOffset ExpiresAt, int WrongTries,
    DateOnly? Day = null, int CodesToday = 0, int WrongTriesToday = 0)
{
    public bool IsLive(DateTimeOffset now) => CodeHash is not null && ExpiresAt > now;

    /// <summary>The same code with today's counters: a new day starts them again.</summary>
    public OneTimeCode On(DateOnly today) => Day == today ? this : this with { Day = today, CodesToday = 0, WrongTriesToday = 0 };
}

public static class OneTimeCodes
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public const int MaxWrongTries = 5;
    public const int CodesPerDay = 5;
    public const int WrongTriesPerDay = 10;

    public static string KeyFor(string phone) => Digest.Sha256Hex($"phone:{phone}");

    public static string HashCode(string phone, string code) => Digest.Sha256Hex($"code:{phone}:{code}");

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");

    /// <summary>
    /// The phone's record with a new code (its hash only for a registered phone), or null when today's
    /// budget is spent. A new code for a phone whose code is still live keeps that code's wrong tries.
    /// </summary>
    public static OneTimeCode? Issue(OneTimeCode? current, string phone, Guid? householdId, string code, DateTimeOffset now, DateOnly today)
    {
        var counted = (current ?? new OneTimeCode(KeyFor(phone), null, null, DateTimeOffset.MinValue, 0)).On(today);
        if (counted.CodesToday >= CodesPerDay || counted.WrongTriesToday >= WrongTriesPerDay) return null;
        return counted with
        {
            HouseholdId = householdId,
            CodeHash = householdId is null ? null : HashCode(phone, code),
            ExpiresAt = now + Lifetime,
            WrongTries = counted.IsLive(now) ? counted.WrongTries : 0,
            CodesToday = counted.CodesToday + 1,
        };
    }

    /// <summary>A wrong code counts against the code (five kill it) and against the phone's day.</summary>
    public static OneTimeCode Wrong(OneTimeCode issued, DateOnly today)
    {
        var counted = issued.On(today);
        var tries = counted.WrongTries + 1;
        return counted with
        {
            WrongTries = tries,
            WrongTriesToday = counted.WrongTriesToday + 1,
            ExpiresAt = tries >= MaxWrongTries ? DateTimeOffset.MinValue : counted.ExpiresAt,
        };
    }

    public static bool MayTry(this OneTimeCode issued, DateTimeOffset now, DateOnly today) =>
        issued.IsLive(now) && issued.On(today).WrongTriesToday < WrongTriesPerDay;

    /// <summary>138****5678: enough for a person to recognise their own phone in a log.</summary>
    public static string MaskPhone(string phone) => phone.Length == 11 ? $"{phone[..3]}****{phone[7..]}" : "***";
}
