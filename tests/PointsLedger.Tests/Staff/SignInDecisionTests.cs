using System.Collections.Immutable;
using PointsLedger.Problems;
using PointsLedger.Staff;

namespace PointsLedger.Tests.Staff;

public sealed class SignInDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(8));

    private static StaffAccount Account(params object[] events) => events.Aggregate(
        StaffAccount.Create(new StaffAccountOpened(Guid.NewGuid(), "liu", "刘", "cadre", Guid.NewGuid(), null, null, "刁镇街道", "hash", "admin")),
        (account, e) => e switch
        {
            StaffSignInFailed x => account.Apply(x),
            StaffSignedIn x => account.Apply(x),
            StaffAccountDisabled x => account.Apply(x),
            StaffPasswordReset x => account.Apply(x),
            StaffTokenRefreshed x => account.Apply(x),
            _ => throw new ArgumentOutOfRangeException(nameof(e)),
        });

    private static StaffSignInFailed Failed(StaffAccount account) => new(account.Id, Now, null);

    [Fact]
    public void The_fifth_wrong_password_in_a_row_locks_the_account()
    {
        var account = Account();
        for (var i = 0; i < 4; i++) account = account.Apply(SignInDecisions.SignIn(account, false, "h", Now).Failed!);

        var fifth = SignInDecisions.SignIn(account, false, "h", Now).Failed!;
        var locked = account.Apply(fifth);

        Assert.Equal(Now + SignInDecisions.Lockout, fifth.LockedUntil);
        Assert.Equal(new SignInOutcome(null, null), SignInDecisions.SignIn(locked, true, "h", Now.AddMinutes(14)));
        Assert.NotNull(SignInDecisions.SignIn(locked, true, "h", Now.AddMinutes(16)).SignedIn);
    }

    [Fact]
    public void When_a_lockout_ends_the_count_starts_again_so_one_wrong_try_does_not_lock_the_account_anew()
    {
        var account = Account();
        for (var i = 0; i < 5; i++) account = account.Apply(SignInDecisions.SignIn(account, false, "h", Now).Failed!);

        var afterLockout = SignInDecisions.SignIn(account, false, "h", Now.AddMinutes(16)).Failed!;
        account = account.Apply(afterLockout);

        Assert.Null(afterLockout.LockedUntil);
        Assert.Equal(1, account.FailedInARow);
        Assert.Null(account.LockedUntil);
        Assert.Equal((6, Now + SignInDecisions.Lockout), (account.FailedSinceSignIn, account.LockedSinceSignIn));
        Assert.NotNull(SignInDecisions.SignIn(account, true, "h", Now.AddMinutes(17)).SignedIn);
    }

    [Fact]
    public void A_password_reset_ends_every_session()
    {
        var account = Account(new StaffSignedIn(Guid.Empty, "r1", Now.AddDays(14)), new StaffSignedIn(Guid.Empty, "r2", Now.AddDays(14)));

        var reset = account.Apply(new StaffPasswordReset(account.Id, "new-hash", "admin"));

        Assert.Empty(reset.RefreshTokens);
        Assert.Equal("refresh-token-invalid", Assert.Throws<Refusal>(() => SignInDecisions.Refresh(reset, "r1", "r3", Now)).Code);
    }

    [Fact]
    public void A_good_password_resets_the_count_of_failures()
    {
        var account = Account();
        for (var i = 0; i < 4; i++) account = account.Apply(Failed(account));
        account = account.Apply(SignInDecisions.SignIn(account, true, "h", Now).SignedIn!);

        Assert.Null(SignInDecisions.SignIn(account, false, "h", Now).Failed!.LockedUntil);
    }

    [Fact]
    public void A_disabled_account_neither_signs_in_nor_refreshes()
    {
        var account = Account(new StaffSignedIn(Guid.Empty, "r1", Now.AddDays(14)), new StaffAccountDisabled(Guid.Empty, "admin", "离职"));

        Assert.Equal(new SignInOutcome(null, null), SignInDecisions.SignIn(account, true, "h", Now));
        Assert.Equal("refresh-token-invalid", Assert.Throws<Refusal>(() => SignInDecisions.Refresh(account, "r1", "r2", Now)).Code);
        Assert.Equal(ImmutableDictionary<string, DateTimeOffset>.Empty, account.RefreshTokens);
    }

    [Fact]
    public void A_refresh_token_works_once_and_not_after_it_expires()
    {
        var account = Account(new StaffSignedIn(Guid.Empty, "r1", Now.AddDays(14)));

        var refreshed = account.Apply(SignInDecisions.Refresh(account, "r1", "r2", Now));

        Assert.Equal("refresh-token-invalid", Assert.Throws<Refusal>(() => SignInDecisions.Refresh(refreshed, "r1", "r3", Now)).Code);
        Assert.Equal("refresh-token-invalid", Assert.Throws<Refusal>(() => SignInDecisions.Refresh(refreshed, "r2", "r3", Now.AddDays(15))).Code);
    }
}
