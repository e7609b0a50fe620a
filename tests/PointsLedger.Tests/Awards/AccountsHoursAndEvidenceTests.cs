using System.Collections.Immutable;
using PointsLedger.Awards;
using PointsLedger.Expiry;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Tests.Awards;

public sealed class AccountsHoursAndEvidenceTests
{
    private static IRecordsAward Grant(Household account, Rule rule, AwardDetails? details = null, int? score = null, string? paperRef = null) =>
        AwardDecisions.Grant(account, Given.Village(rule), rule, Guid.NewGuid(), Given.Today, null, Given.Cadre, Given.Today, new ExpiryPolicy(),
            paperRef, details, score);

    [Theory]
    [InlineData(RuleAppliesTo.Household, AccountKind.Household, true)]
    [InlineData(RuleAppliesTo.Household, AccountKind.GridWorker, false)]
    [InlineData(RuleAppliesTo.Individual, AccountKind.Household, false)]
    [InlineData(RuleAppliesTo.Individual, AccountKind.Rider, true)]
    [InlineData(RuleAppliesTo.Both, AccountKind.Household, true)]
    [InlineData(RuleAppliesTo.Both, AccountKind.Volunteer, true)]
    public void A_rule_awards_only_the_kinds_of_account_it_applies_to(RuleAppliesTo appliesTo, AccountKind kind, bool awards)
    {
        var rule = Given.Rule("R1", PointColor.Purple, 5) with { AppliesTo = appliesTo };
        var account = kind == AccountKind.Household ? Given.Household() : Given.Individual(kind);

        if (awards) Assert.Equal(5, Grant(account, rule).Points);
        else Assert.Equal("rule-not-for-account", Assert.Throws<Refusal>(() => Grant(account, rule)).Code);
    }

    [Fact]
    public void Hours_times_the_points_per_hour_count_towards_the_cap_as_points()
    {
        var rule = Given.Rule("V1", PointColor.Orange, 2, cap: 10) with { Unit = AwardUnit.Hour, AppliesTo = RuleAppliesTo.Individual };
        var volunteer = Given.Individual(AccountKind.Volunteer);

        var four = Assert.IsType<PointsAwarded>(Grant(volunteer, rule, new AwardDetails(Quantity: 4)));
        var after = volunteer.Apply(four);

        Assert.Equal((8, 4), (four.Points, four.Details!.Quantity));
        Assert.Equal(8, after.Available.Orange);
        Assert.Equal("monthly-cap-reached", Assert.Throws<Refusal>(() => Grant(after, rule, new AwardDetails(Quantity: 2))).Code);
        Assert.Equal(2, Grant(after, rule, new AwardDetails(Quantity: 1)).Points);
        Assert.Equal("quantity-required", Assert.Throws<Refusal>(() => Grant(after, rule)).Code);
        Assert.Equal("quantity-not-applicable", Assert.Throws<Refusal>(() => Grant(Given.Household(), Given.Rule("R1", PointColor.Red, 3), new AwardDetails(Quantity: 2))).Code);
    }

    [Theory]
    [InlineData(30, 1, true)]
    [InlineData(30, 30, true)]
    [InlineData(30, 31, false)]
    [InlineData(30, -1, false)]
    [InlineData(-10, -10, true)]
    [InlineData(-10, -11, false)]
    [InlineData(-10, 1, false)]
    public void An_assessment_score_lies_between_one_and_the_rules_points(int rulePoints, int score, bool allowed)
    {
        var rule = Given.Rule("A1", PointColor.Purple, rulePoints) with { AppliesTo = RuleAppliesTo.Individual };
        var worker = rulePoints < 0 ? Given.Individual(AccountKind.GridWorker, Given.Awarded(PointColor.Purple, 20, Given.Today)) : Given.Individual();

        if (allowed) Assert.Equal(score, Grant(worker, rule, new AwardDetails(Period: "2026-Q3"), score).Points);
        else Assert.Equal("score-out-of-bounds", Assert.Throws<Refusal>(() => Grant(worker, rule, score: score)).Code);
    }

    [Fact]
    public void A_rule_that_requires_evidence_takes_a_photo_or_the_paper_ledgers_page_and_line()
    {
        var rule = Given.Rule("E1", PointColor.Green, 5) with { RequiresEvidence = true };
        var household = Given.Household();

        Assert.Equal("evidence-required", Assert.Throws<Refusal>(() => Grant(household, rule)).Code);
        Assert.Equal("evidence-required", Assert.Throws<Refusal>(() => Grant(household, rule, new AwardDetails(EvidenceIds: []))).Code);
        var withPhoto = Assert.IsType<PointsAwarded>(Grant(household, rule, new AwardDetails(EvidenceIds: ["ab12"])));
        var fromPaper = Assert.IsType<PointsAwarded>(Grant(household, rule, paperRef: "第3页第12行"));

        Assert.Equal(["ab12"], withPhoto.Details!.EvidenceIds!);
        Assert.Null(fromPaper.Details);
    }

    [Fact]
    public void Given_a_quarter_assessed_under_a_rule_when_it_is_scored_again_then_it_is_refused_until_the_first_is_revoked()
    {
        var rule = Given.Rule("A1", PointColor.Purple, 30) with { AppliesTo = RuleAppliesTo.Individual };
        var first = Assert.IsType<PointsAwarded>(Grant(Given.Individual(), rule, new AwardDetails(Period: "2026-Q3"), 20));
        var assessed = Given.Individual(AccountKind.GridWorker, first);

        Assert.Equal("already-assessed", Assert.Throws<Refusal>(() => Grant(assessed, rule, new AwardDetails(Period: "2026-Q3"), 25)).Code);
        Assert.Equal(25, Grant(assessed, rule, new AwardDetails(Period: "2026-Q4"), 25).Points);
        Assert.Equal(25, Grant(assessed.Apply(Given.Revoked(first)), rule, new AwardDetails(Period: "2026-Q3"), 25).Points);
    }
}
