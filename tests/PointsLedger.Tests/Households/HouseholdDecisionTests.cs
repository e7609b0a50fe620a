using PointsLedger.Awards;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Tests.Households;

public sealed class HouseholdDecisionTests
{
    private static readonly Member Spouse = new(Guid.NewGuid(), "李四芳", "配偶", "370112********2345", "spouse-hash", "spouse-check");

    [Fact]
    public void The_same_phone_or_grid_again_decides_nothing()
    {
        var household = Given.Household(new PhoneChanged("13800000001", null, "cadre-1"), new GridChanged("G01", null, "cadre-1"));
        var village = Given.Village() with { Grids = Given.Village().Grids.Add("G01", new Grid("G01", "一网格", null)) };

        Assert.Null(HouseholdDecisions.ChangePhone(household, "13800000001", "重复", Given.Cadre));
        Assert.Null(HouseholdDecisions.ChangeGrid(household, village, "G01", null, Given.Cadre));
        Assert.Equal(ProblemCodes.UnknownGrid, Assert.Throws<Refusal>(() => HouseholdDecisions.ChangeGrid(household, village, "G09", null, Given.Cadre)).Problem);
    }

    [Fact]
    public void A_member_who_becomes_head_takes_the_heads_place_and_the_former_head_stays_a_member()
    {
        var household = Given.Household(new MemberAdded(Spouse.MemberId, Spouse.Name, Spouse.Relation, Spouse.IdNumberMasked, Spouse.IdNumberHash, Spouse.CardCheck, "cadre-1"));
        var formerHead = Guid.NewGuid();

        var changed = household.Apply(HouseholdDecisions.ChangeHead(household, Spouse.MemberId, formerHead, "户主去世", Given.Cadre));

        Assert.Equal(("李四芳", "spouse-check"), (changed.HeadName, changed.CardCheck));
        var former = Assert.Single(changed.Members);
        Assert.Equal((formerHead, "张三明", Member.FormerHead, "check"), (former.MemberId, former.Name, former.Relation, former.CardCheck));
        Assert.True(changed.CardOpensWith("check"));
        Assert.True(changed.CardOpensWith("spouse-check"));
        Assert.Equal(ProblemCodes.MemberNotFound, Assert.Throws<Refusal>(() => HouseholdDecisions.ChangeHead(household, Guid.NewGuid(), formerHead, null, Given.Cadre)).Problem);
    }

    [Fact]
    public void A_reissued_card_has_a_new_number_and_the_checks_stay_keyed_by_the_first()
    {
        var household = Given.Household();

        var reissued = household.Apply(HouseholdDecisions.ReissueCard(household, "999988887777", "遗失", Given.Cadre));
        var again = reissued.Apply(HouseholdDecisions.ReissueCard(reissued, "111122223333", "又遗失", Given.Cadre));

        Assert.Equal(("111122223333", "123456789012"), (again.CardNo, again.CardCheckKey));
    }

    [Fact]
    public void Moving_out_under_expire_forfeits_what_is_available_and_under_keep_nothing()
    {
        var household = Given.Household(Given.Awarded(PointColor.Orange, 5, Given.Today), Given.Awarded(PointColor.Red, 7, Given.Today));

        var expired = MovedOut(household, MoveOutPolicy.Expire);
        var kept = MovedOut(household, MoveOutPolicy.Keep);

        Assert.Equal(-12, expired.Forfeited.Sum(c => c.Points));
        Assert.Equal(0, household.Apply(expired).Available.Total);
        Assert.Equal(12, household.Apply(expired).Earned.Total);
        Assert.Empty(kept.Forfeited);
        Assert.Equal(ProblemCodes.HouseholdClosed, Assert.Throws<Refusal>(() =>
            HouseholdDecisions.ChangePhone(household.Apply(kept), "13800000002", null, Given.Cadre)).Problem);
    }

    private static HouseholdMovedOut MovedOut(Household household, MoveOutPolicy policy) =>
        HouseholdDecisions.MoveOut(household, Given.Village(), Given.Today, "迁往城区", Given.Cadre, Given.Today, policy).OfType<HouseholdMovedOut>().Single();

    [Fact]
    public void Moving_out_withdraws_the_awards_waiting_for_an_approver_and_is_not_dated_before_the_last_award()
    {
        var pending = new AwardSubmitted(Guid.CreateVersion7(), "B1", PointColor.Blue, 10, Given.Today.AddDays(-3), "cadre-1", null);
        var household = Given.Household(Given.Awarded(PointColor.Orange, 5, Given.Today.AddDays(-5)), pending);

        var decided = HouseholdDecisions.MoveOut(household, Given.Village(), Given.Today, "迁出", Given.Approver, Given.Today, MoveOutPolicy.Keep);
        var backdated = Assert.Throws<Refusal>(() =>
            HouseholdDecisions.MoveOut(household, Given.Village(), Given.Today.AddDays(-4), "迁出", Given.Approver, Given.Today, MoveOutPolicy.Keep));

        var withdrawn = Assert.IsType<AwardRevoked>(decided[0]);
        Assert.Equal((pending.AwardId, false), (withdrawn.AwardId, withdrawn.WasCredited));
        Assert.IsType<HouseholdMovedOut>(decided[1]);
        Assert.Empty(decided.Aggregate(household, Given.Apply).Pending);
        Assert.Equal(ProblemCodes.MovedOutBeforeLastAward, backdated.Problem);
    }

    [Fact]
    public void A_move_out_is_dated_neither_in_the_future_nor_into_a_closed_month()
    {
        var household = Given.Household();
        var closed = Given.Village() with { ClosedThrough = "2026-10" };

        Assert.Equal(ProblemCodes.OccurredInFuture, Assert.Throws<Refusal>(() =>
            HouseholdDecisions.MoveOut(household, Given.Village(), Given.Today.AddDays(1), "迁出", Given.Cadre, Given.Today, MoveOutPolicy.Keep)).Problem);
        Assert.Equal(ProblemCodes.MonthClosed, Assert.Throws<Refusal>(() =>
            HouseholdDecisions.MoveOut(household, closed, new DateOnly(2026, 10, 31), "迁出", Given.Cadre, Given.Today, MoveOutPolicy.Keep)).Problem);
    }
}
