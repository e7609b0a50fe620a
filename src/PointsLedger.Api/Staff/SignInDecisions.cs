using PointsLedger.Problems;

namespace PointsLedger.Staff;

/// <summary>Pure sign-in decisions over an account, taken under the account stream's lock.</summary>
public static class SignInDecisions
{
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(14);

    /// <summary>Either signs in or records the failure; a locked or disabled account is refused without trying the password.</summary>
    public static object SignIn(StaffAccount account, bool passwordMatches, string newRefreshTokenHash, DateTimeOffset now)
    {
        if (account.Disabled) throw Refusal.Forbidden("account-disabled");
        if (account.LockedUntil > now) throw new Refusal("account-locked", StatusCodes.Status403Forbidden, account.LockedUntil.Value.ToString("u"));
        if (passwordMatches) return new StaffSignedIn(account.Id, newRefreshTokenHash, now + RefreshLifetime);

        var lockedUntil = account.FailedInARow + 1 >= FailuresBeforeLockout ? now + Lockout : (DateTimeOffset?)null;
        return new StaffSignInFailed(account.Id, now, lockedUntil);
    }

    /// <summary>Rotates a refresh token: the old one works once, then never again.</summary>
    public static StaffTokenRefreshed Refresh(StaffAccount account, string oldHash, string newHash, DateTimeOffset now)
    {
        if (account.Disabled) throw Refusal.Forbidden("account-disabled");
        if (!account.RefreshTokens.TryGetValue(oldHash, out var expires) || expires <= now) throw new Refusal("refresh-token-invalid", StatusCodes.Status401Unauthorized);
        return new StaffTokenRefreshed(account.Id, oldHash, newHash, now + RefreshLifetime);
    }
}
