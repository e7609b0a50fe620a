using System.Collections.Immutable;

namespace PointsLedger.Staff;

public sealed record StaffAccountOpened(
    Guid AccountId, string Login, string DisplayName, string Role, Guid? VillageId, Guid? MerchantId, Guid? HouseholdId,
    string? Township, string PasswordHash, string OpenedBy);

public sealed record StaffPasswordReset(Guid AccountId, string PasswordHash, string ResetBy);

public sealed record StaffAccountDisabled(Guid AccountId, string DisabledBy, string Reason);

/// <summary>A wrong password; enough of them in a row lock the account for a while.</summary>
public sealed record StaffSignInFailed(Guid AccountId, DateTimeOffset At, DateTimeOffset? LockedUntil);

/// <summary>A good password: opens a refresh-token session. Only the token's hash is kept.</summary>
public sealed record StaffSignedIn(Guid AccountId, string RefreshTokenHash, DateTimeOffset RefreshExpiresAt);

public sealed record StaffTokenRefreshed(Guid AccountId, string OldRefreshTokenHash, string NewRefreshTokenHash, DateTimeOffset RefreshExpiresAt);

public sealed record StaffSignedOut(Guid AccountId, string RefreshTokenHash);

/// <summary>
/// A staff member's account: one stream per account. Every sign-in, failure, refresh and sign-out
/// is an event, so who could act when is part of the ledger too.
/// </summary>
/// <param name="FailedSinceSignIn">Wrong passwords since the last good sign-in, which the owner is told of then.</param>
/// <param name="LockedSinceSignIn">The last lockout since the last good sign-in, likewise.</param>
public sealed record StaffAccount(
    Guid Id, string Login, string DisplayName, string Role, Guid? VillageId, Guid? MerchantId, Guid? HouseholdId,
    string? Township, string PasswordHash, bool Disabled, int FailedInARow, DateTimeOffset? LockedUntil, ImmutableDictionary<string, DateTimeOffset> RefreshTokens,
    int FailedSinceSignIn = 0, DateTimeOffset? LockedSinceSignIn = null)
{
    public static StaffAccount Create(StaffAccountOpened e) => new(
        e.AccountId, e.Login, e.DisplayName, e.Role, e.VillageId, e.MerchantId, e.HouseholdId, e.Township, e.PasswordHash,
        false, 0, null, ImmutableDictionary<string, DateTimeOffset>.Empty);

    /// <summary>A new password ends every session: whoever held one signs in again with it.</summary>
    public StaffAccount Apply(StaffPasswordReset e) =>
        this with { PasswordHash = e.PasswordHash, FailedInARow = 0, LockedUntil = null, RefreshTokens = RefreshTokens.Clear() };

    public StaffAccount Apply(StaffAccountDisabled e) => this with { Disabled = true, RefreshTokens = RefreshTokens.Clear() };

    /// <summary>Failures count from zero again once a lockout has run out.</summary>
    public int FailedInARowAt(DateTimeOffset at) => LockedUntil <= at ? 0 : FailedInARow;

    public StaffAccount Apply(StaffSignInFailed e) => this with
    {
        FailedInARow = FailedInARowAt(e.At) + 1,
        LockedUntil = e.LockedUntil ?? (LockedUntil <= e.At ? null : LockedUntil),
        FailedSinceSignIn = FailedSinceSignIn + 1,
        LockedSinceSignIn = e.LockedUntil ?? LockedSinceSignIn,
    };

    public StaffAccount Apply(StaffSignedIn e) => this with
    {
        FailedInARow = 0,
        LockedUntil = null,
        FailedSinceSignIn = 0,
        LockedSinceSignIn = null,
        RefreshTokens = RefreshTokens.SetItem(e.RefreshTokenHash, e.RefreshExpiresAt),
    };

    public StaffAccount Apply(StaffTokenRefreshed e) => this with
    {
        RefreshTokens = RefreshTokens.Remove(e.OldRefreshTokenHash).SetItem(e.NewRefreshTokenHash, e.RefreshExpiresAt),
    };

    public StaffAccount Apply(StaffSignedOut e) => this with { RefreshTokens = RefreshTokens.Remove(e.RefreshTokenHash) };
}
