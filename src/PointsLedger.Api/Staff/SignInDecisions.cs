using PointsLedger.Problems;

namespace PointsLedger.Staff;

/// <summary>Pure sign-in decisions over an account, taken under the account stream's lock.</summary>
public static class SignInDecisions
{
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(14);

    /// <summary>
    /// Either signs in or records the failure. A locked or disabled account is refused without trying
    /// the password, with the answer a wrong password gets, so nobody learns which logins exist or are locked.
    /// </summary>
    public static object SignIn(StaffAccount account, bool passwordMatches, string newRefreshTokenHash, DateTimeOffset now)
    {
        if (account.Disabled || account.LockedUntil > now) throw Failed;
        if (passwordMatches) return new StaffSignedIn(account.Id, newRefreshTokenHash, now + RefreshLifetime);

        var lockedUntil = account.FailedInARowAt(now) + 1 >= FailuresBeforeLockout ? now + Lockout : (DateTimeOffset?)null;
        return new StaffSignInFailed(account.Id, now, lockedUntil);
    }

    public static Refusal Failed => new("sign-in-failed", StatusCodes.Status401Unauthorized);

    /// <summary>Rotates a refresh token: the old one works once, then never again.</summary>
    public static StaffTokenRefreshed Refresh(StaffAccount account, string oldHash, string newHash, DateTimeOffset now)
    {
        if (account.Disabled || !account.RefreshTokens.TryGetValue(oldHash, out var expires) || expires <= now) throw new Refusal("refresh-token-invalid", StatusCodes.Status401Unauthorized);
        return new StaffTokenRefreshed(account.Id, oldHash, newHash, now + RefreshLifetime);
    }
}
