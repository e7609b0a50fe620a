using PointsLedger.Auth;
using PointsLedger.Awards;
using PointsLedger.Problems;

namespace PointsLedger.Tests.Awards;

public sealed class ApproveAndRevokeTests
{
    private static readonly AwardSubmitted Pending = new(Guid.NewGuid(), "R1", PointColor.Red, 20, Given.Today, "cadre-1", null);

    [Fact]
    public void Another_approver_credits_a_pending_award()
    {
        var household = Given.Household(Pending);

        var approved = AwardDecisions.Approve(household, Given.Village(), Pending.AwardId, Given.Approver);

        Assert.Equal(20, household.Apply(approved).Available.Red);
        Assert.Equal(20, household.Apply(approved).Earned.Total);
    }

    [Fact]
    public void The_submitter_cannot_approve_their_own_award()
    {
        var household = Given.Household(Pending);
        var submitter = new Actor("cadre-1", Roles.Approver, Given.VillageId);

        Assert.Equal("self-approval", Assert.Throws<Refusal>(() => AwardDecisions.Approve(household, Given.Village(), Pending.AwardId, submitter)).Code);
    }

    [Fact]
    public void Only_pending_awards_are_approved()
    {
        var credited = Given.Awarded(PointColor.Red, 5, Given.Today);
        var household = Given.Household(credited);

        Assert.Equal("award-not-pending", Assert.Throws<Refusal>(() => AwardDecisions.Approve(household, Given.Village(), credited.AwardId, Given.Approver)).Code);
    }

    [Fact]
    public void Revoking_a_credited_award_draws_its_own_lot_first_then_its_colour()
    {
        var older = Given.Awarded(PointColor.Red, 10, new DateOnly(2026, 1, 1));
        var mistaken = Given.Awarded(PointColor.Red, 6, new DateOnly(2026, 5, 1));
        var deduction = new PointsAwarded(Guid.NewGuid(), "D1", PointColor.Red, -4, Given.Today, "cadre-1", null, [new LotChange(mistaken.AwardId, -4)]);
        object[] events = [older, mistaken, deduction];

        var revoked = Given.Revoke(events, mistaken.AwardId);
        var after = Given.Household(events).Apply(revoked);

        Assert.Equal([new LotChange(mistaken.AwardId, -2), new LotChange(older.AwardId, -4)], revoked.Changes);
        Assert.Equal(6, after.Available.Red);
        Assert.Equal(6, after.Earned.Red);
    }

    [Fact]
    public void Revoking_an_award_does_not_take_again_what_of_it_already_expired()
    {
        var mistaken = Given.Awarded(PointColor.Red, 10, new DateOnly(2026, 5, 1));
        var later = Given.Awarded(PointColor.Red, 8, new DateOnly(2027, 5, 1));
        object[] events = [mistaken, later, new PointsExpired(new DateOnly(2028, 1, 1), [new LotChange(mistaken.AwardId, -10)])];

        var revoked = Given.Revoke(events, mistaken.AwardId);

        Assert.Empty(revoked.Changes);
        Assert.Equal(8, Given.Household(events).Apply(revoked).Available.Red);
    }

    [Fact]
    public void Revoking_a_deduction_returns_what_it_drew()
    {
        var lot = Given.Awarded(PointColor.Green, 10, new DateOnly(2026, 1, 1));
        var deduction = new PointsAwarded(Guid.NewGuid(), "D1", PointColor.Green, -4, Given.Today, "cadre-1", null, [new LotChange(lot.AwardId, -4)]);
        object[] events = [lot, deduction];

        var after = Given.Household(events).Apply(Given.Revoke(events, deduction.AwardId));

        Assert.Equal(10, after.Available.Green);
        Assert.Equal(10, after.Earned.Green);
    }

    [Fact]
    public void A_revoked_deduction_gives_nothing_back_to_lots_that_have_expired()
    {
        var expiredLot = Given.Awarded(PointColor.Green, 3, new DateOnly(2024, 6, 1));
        var liveLot = Given.Awarded(PointColor.Green, 10, new DateOnly(2026, 2, 1));
        var deduction = new PointsAwarded(Guid.NewGuid(), "D1", PointColor.Green, -5, new DateOnly(2024, 12, 1), "cadre-1", null,
            [new LotChange(expiredLot.AwardId, -3), new LotChange(liveLot.AwardId, -2)]);
        object[] events = [expiredLot, liveLot, deduction];

        var revoked = Given.Revoke(events, deduction.AwardId);

        Assert.Equal([new LotChange(liveLot.AwardId, 2)], revoked.Changes);
        Assert.Equal(10, Given.Household(events).Apply(revoked).Available.Green);
    }

    [Fact]
    public void Withdrawing_a_pending_award_moves_nothing_and_it_cannot_be_revoked_twice()
    {
        object[] events = [Pending];

        var revoked = Given.Revoke(events, Pending.AwardId);
        var after = Given.Household(events).Apply(revoked);

        Assert.Empty(revoked.Changes);
        Assert.False(revoked.WasCredited);
        Assert.Equal(0, after.Earned.Total);
        Assert.Empty(after.Pending);
        Assert.Equal("award-already-revoked", Assert.Throws<Refusal>(() => Given.Revoke([Pending, revoked], Pending.AwardId)).Code);
        Assert.Equal("award-not-found", Assert.Throws<Refusal>(() => Given.Revoke(events, Guid.NewGuid())).Code);
    }
}
