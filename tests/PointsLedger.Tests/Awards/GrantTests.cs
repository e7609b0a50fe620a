using PointsLedger.Awards;
using PointsLedger.Expiry;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Tests.Awards;

public sealed class GrantTests
{
    [Fact]
    public void A_positive_award_is_credited_and_opens_a_lot()
    {
        var rule = Given.Rule("R1", PointColor.Orange, 5);
        var household = Given.Household();

        var decided = Assert.IsType<PointsAwarded>(AwardDecisions.Grant(household, Given.Village(rule), rule, Guid.NewGuid(), Given.Today, "孝老", Given.Cadre, Given.Today, new ExpiryPolicy()));
        var after = household.Apply(decided);

        Assert.Equal(5, decided.Points);
        Assert.Empty(decided.Changes);
        Assert.Equal(5, after.Available.Orange);
        Assert.Equal(5, after.Earned.Total);
    }

    [Fact]
    public void A_rule_that_needs_approval_only_submits()
    {
        var rule = Given.Rule("R1", PointColor.Red, 20, approval: true);
        var household = Given.Household();

        var decided = Assert.IsType<AwardSubmitted>(AwardDecisions.Grant(household, Given.Village(rule), rule, Guid.NewGuid(), Given.Today, null, Given.Cadre, Given.Today, new ExpiryPolicy()));

        Assert.Equal(0, household.Apply(decided).Available.Total);
        Assert.True(household.Apply(decided).Pending.ContainsKey(decided.AwardId));
    }

    [Fact]
    public void The_cap_admits_up_to_its_value_and_counts_pending_awards()
    {
        var rule = Given.Rule("R1", PointColor.Purple, 5, cap: 10);
        var pending = new AwardSubmitted(Guid.NewGuid(), "R1", PointColor.Purple, 5, Given.Today.AddDays(-3), "cadre-1", null);
        var household = Given.Household(Given.Awarded(PointColor.Purple, 5, Given.Today.AddDays(-1)), pending);

        var refusal = Assert.Throws<Refusal>(() => AwardDecisions.Grant(household, Given.Village(rule), rule, Guid.NewGuid(), Given.Today, null, Given.Cadre, Given.Today, new ExpiryPolicy()));

        Assert.Equal("monthly-cap-reached", refusal.Code);
        Assert.IsType<PointsAwarded>(AwardDecisions.Grant(Given.Household(Given.Awarded(PointColor.Purple, 5, Given.Today)), Given.Village(rule), rule, Guid.NewGuid(), Given.Today, null, Given.Cadre, Given.Today, new ExpiryPolicy()));
    }

    [Fact]
    public void The_cap_is_per_month_and_ignores_revoked_awards()
    {
        var rule = Given.Rule("R1", PointColor.Purple, 5, cap: 5);
        var lastMonth = Given.Awarded(PointColor.Purple, 5, Given.Today.AddMonths(-1));
        var revoked = Given.Awarded(PointColor.Purple, 5, Given.Today);
        var household = Given.Household(lastMonth, revoked, Given.Revoked(revoked));

        Assert.IsType<PointsAwarded>(AwardDecisions.Grant(household, Given.Village(rule), rule, Guid.NewGuid(), Given.Today, null, Given.Cadre, Given.Today, new ExpiryPolicy()));
    }

    [Fact]
    public void Revoking_an_award_frees_its_room_under_the_cap_and_deductions_never_count()
    {
        var rule = Given.Rule("R1", PointColor.Purple, 5, cap: 5);
        var first = Given.Awarded(PointColor.Purple, 5, Given.Today, "R1");
        var deductionRevoked = new AwardRevoked(Guid.NewGuid(), "R1", PointColor.Purple, -5, Given.Today, true, "approver-1", "错扣", []);
        var household = Given.Household(first, Given.Revoked(first), deductionRevoked);

        Assert.Equal(0, household.PointsInPeriod(["R1"], Given.Today, new RuleCap(5, CapPeriod.Month)));
        Assert.IsType<PointsAwarded>(AwardDecisions.Grant(household, Given.Village(rule), rule, Guid.NewGuid(), Given.Today, null, Given.Cadre, Given.Today, new ExpiryPolicy()));
    }

    [Fact]
    public void A_deduction_draws_its_colour_oldest_first_and_never_below_zero()
    {
        var rule = Given.Rule("D1", PointColor.Green, -8);
        var older = Given.Awarded(PointColor.Green, 3, new DateOnly(2026, 1, 5));
        var newer = Given.Awarded(PointColor.Green, 4, new DateOnly(2026, 3, 5));
        var red = Given.Awarded(PointColor.Red, 10, new DateOnly(2026, 1, 1));
        var household = Given.Household(newer, older, red);

        var decided = Assert.IsType<PointsAwarded>(AwardDecisions.Grant(household, Given.Village(rule), rule, Guid.NewGuid(), Given.Today, null, Given.Cadre, Given.Today, new ExpiryPolicy()));
        var after = household.Apply(decided);

        Assert.Equal([new LotChange(older.AwardId, -3), new LotChange(newer.AwardId, -4)], decided.Changes);
        Assert.Equal(0, after.Available.Green);
        Assert.Equal(10, after.Available.Red);
        Assert.Equal(-1, after.Earned.Green);
    }

    [Theory]
    [InlineData(1, "occurred-in-future")]
    [InlineData(-60, "month-closed")]
    [InlineData(-700, "occurred-in-expired-year")]
    public void Dates_in_the_future_or_in_a_closed_month_are_refused(int daysFromToday, string code)
    {
        var rule = Given.Rule("R1", PointColor.Blue, 5);
        var village = Given.Village(rule) with { ClosedThrough = Given.Today.AddMonths(-1).ToString("yyyy-MM") };

        var refusal = Assert.Throws<Refusal>(() => AwardDecisions.Grant(Given.Household(), village, rule, Guid.NewGuid(), Given.Today.AddDays(daysFromToday), null, Given.Cadre, Given.Today, new ExpiryPolicy()));

        Assert.Equal(code, refusal.Code);
    }

    [Fact]
    public void A_cadre_cannot_award_their_own_household()
    {
        var rule = Given.Rule("R1", PointColor.Blue, 5);
        var household = Given.Household();
        var ownCadre = Given.Cadre with { HouseholdId = household.Id };

        var refusal = Assert.Throws<Refusal>(() => AwardDecisions.Grant(household, Given.Village(rule), rule, Guid.NewGuid(), Given.Today, null, ownCadre, Given.Today, new ExpiryPolicy()));

        Assert.Equal("self-award", refusal.Code);
        Assert.Equal(403, refusal.Status);
    }

    private static IRecordsAward Grant(Household household, Rule rule, DateOnly on, DateOnly today) =>
        AwardDecisions.Grant(household, Given.Village(rule), rule, Guid.NewGuid(), on, null, Given.Cadre, today, new ExpiryPolicy());

    [Fact]
    public void A_quarter_cap_counts_every_month_of_the_quarter_and_starts_again_with_the_next()
    {
        var rule = Given.Rule("Q1", PointColor.Purple, 5) with { Cap = new RuleCap(10, CapPeriod.Quarter) };
        var household = Given.Household(
            Given.Awarded(PointColor.Purple, 5, new DateOnly(2026, 7, 3), "Q1"), Given.Awarded(PointColor.Purple, 5, new DateOnly(2026, 9, 30), "Q1"));

        var refused = Assert.Throws<Refusal>(() => Grant(household, rule, new DateOnly(2026, 8, 15), Given.Today));

        Assert.Equal(ProblemCodes.QuarterlyCapReached, refused.Problem);
        Assert.IsType<PointsAwarded>(Grant(household, rule, new DateOnly(2026, 10, 1), Given.Today));
    }

    [Fact]
    public void A_corrected_rules_cap_counts_what_the_rule_it_replaces_gave()
    {
        var old = Given.Rule("R1", PointColor.Red, 10) with { ReplacedBy = "R1B", RetiredReason = "由 R1B 取代" };
        var corrected = Given.Rule("R1B", PointColor.Red, 10) with { Cap = new RuleCap(20, CapPeriod.Once), Replaces = "R1" };
        var village = Given.Village(old, corrected);
        var household = Given.Household(Given.Awarded(PointColor.Red, 10, new DateOnly(2026, 3, 1), "R1"), Given.Awarded(PointColor.Red, 10, Given.Today, "R1B"));

        var refused = Assert.Throws<Refusal>(() =>
            AwardDecisions.Grant(household, village, corrected, Guid.NewGuid(), Given.Today, null, Given.Cadre, Given.Today, new ExpiryPolicy()));

        Assert.Equal(ProblemCodes.OnceCapReached, refused.Problem);
    }

    [Fact]
    public void A_once_cap_holds_across_years()
    {
        var rule = Given.Rule("O1", PointColor.Red, 20) with { Cap = new RuleCap(20, CapPeriod.Once) };
        var household = Given.Household(Given.Awarded(PointColor.Red, 20, new DateOnly(2025, 12, 1), "O1"));

        Assert.Equal(ProblemCodes.OnceCapReached, Assert.Throws<Refusal>(() => Grant(household, rule, Given.Today, Given.Today)).Problem);
    }

    [Fact]
    public void A_retired_rule_refuses_new_awards_and_names_its_replacement()
    {
        var rule = Given.Rule("R1", PointColor.Orange, 5) with { RetiredReason = "由 R2 取代", ReplacedBy = "R2" };

        var refused = Assert.Throws<Refusal>(() => Grant(Given.Household(), rule, Given.Today, Given.Today));

        Assert.Equal(ProblemCodes.RuleRetired, refused.Problem);
        Assert.Equal("R2", refused.Extensions["replacedBy"]);
    }

    [Fact]
    public void A_household_that_moved_out_earns_nothing_more()
    {
        var household = Given.Household(new HouseholdMovedOut(Given.Today, "迁往城区", "cadre-1", []));

        Assert.Equal(ProblemCodes.HouseholdClosed, Assert.Throws<Refusal>(() => Grant(household, Given.Rule("R1", PointColor.Orange, 5), Given.Today, Given.Today)).Problem);
    }
}
