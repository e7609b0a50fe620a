using PointsLedger.Problems;

namespace PointsLedger.Staff;

/// <summary>What a sign-in records: a session, a counted failure, or (locked, disabled) nothing.</summary>
public sealed record SignInOutcome(StaffSignedIn? SignedIn, StaffSignInFailed? Failed);

/// <summary>Pure sign-in decisions over an account, taken under the account stream's lock.</summary>
public static class SignInDecisions
{
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(14);

    /// <summary>
    /// A session (<see cref="SignInOutcome.SignedIn"/>), or a failure: counted towards the lockout when the
    /// password was wrong, or recorded not at all for a locked or disabled account. Every failure gets the
    /// answer a wrong password gets, so nobody learns which logins exist or are locked.
    /// </summary>
    public static SignInOutcome SignIn(StaffAccount account, bool passwordMatches, string newRefreshTokenHash, DateTimeOffset now)
    {
        if (account.Disabled || account.LockedUntil > now) return new SignInOutcome(null, null);
        if (passwordMatches) return new SignInOutcome(new StaffSignedIn(account.Id, newRefreshTokenHash, now + RefreshLifetime), null);

        var lockedUntil = account.FailedInARowAt(now) + 1 >= FailuresBeforeLockout ? now + Lockout : (DateTimeOffset?)null;
        return new SignInOutcome(null, new StaffSignInFailed(account.Id, now, lockedUntil));
    }

    /// <summary>Rotates a refresh token: the old one works once, then never again.</summary>
    public static StaffTokenRefreshed Refresh(StaffAccount account, string oldHash, string newHash, DateTimeOffset now)
    {
        if (account.Disabled || !account.RefreshTokens.TryGetValue(oldHash, out var expires) || expires <= now) throw new Refusal(ProblemCodes.RefreshTokenInvalid);
        return new StaffTokenRefreshed(account.Id, oldHash, newHash, now + RefreshLifetime);
    }
}
