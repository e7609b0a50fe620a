using System.Collections.Immutable;
using PointsLedger.Auth;
using PointsLedger.Claims;
using PointsLedger.Expiry;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Tests.Claims;

public sealed class ClaimDecisionTests
{
    private static readonly Actor Resident = new("resident-1", Roles.Resident);
    private static readonly Rule Help = Given.Rule("C1", PointColor.Orange, 6);

    private static ClaimFiled Filed(Household household, Guid? claimId = null) =>
        ClaimDecisions.File(household, Given.Village(Help), Help, claimId ?? Guid.NewGuid(), Given.Today, "帮邻居收麦", ["ab12"], Resident, Given.Today);

    private static ClaimRecord Record(Household household, ClaimFiled filed) =>
        new(filed.ClaimId, household.Id, Given.VillageId, filed.RuleCode, filed.OccurredOn, filed.Note, filed.EvidenceIds, filed.FiledBy, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Given_an_open_claim_when_a_cadre_accepts_it_then_the_award_is_the_cadres_with_the_resident_as_claimant_and_the_claim_closes()
    {
        var household = Given.Household();
        var filed = Filed(household);
        var open = household.Apply(filed);

        var (award, accepted) = ClaimDecisions.Accept(open, Given.Village(Help), Record(household, filed), Guid.NewGuid(), Given.Cadre, Given.Today, new ExpiryPolicy());
        var after = Given.Apply(Given.Apply(open, award), accepted);

        var credited = Assert.IsType<PointsAwarded>(award);
        Assert.Equal(("cadre-1", "resident-1", 6), (credited.AwardedBy, credited.Details!.ClaimedBy, credited.Points));
        Assert.Equal(["ab12"], credited.Details.EvidenceIds!);
        Assert.Equal(credited.AwardId, accepted.AwardId);
        Assert.Empty(after.OpenClaims);
        Assert.Equal(6, after.Available.Total);
    }

    [Fact]
    public void Given_a_declined_claim_when_a_cadre_accepts_it_then_it_is_refused()
    {
        var household = Given.Household();
        var filed = Filed(household);
        var declined = Given.Apply(household.Apply(filed), ClaimDecisions.Decline(household.Apply(filed), Record(household, filed), filed.ClaimId, "不属实", Given.Cadre));

        var refusal = Assert.Throws<Refusal>(() =>
            ClaimDecisions.Accept(declined, Given.Village(Help), Record(household, filed), Guid.NewGuid(), Given.Cadre, Given.Today, new ExpiryPolicy()));

        Assert.Equal("claim-not-open", refusal.Code);
    }

    [Fact]
    public void Given_five_open_claims_when_the_resident_files_a_sixth_then_it_is_refused_until_one_is_decided()
    {
        var household = Enumerable.Range(0, 5).Aggregate(Given.Household(), (h, _) => h.Apply(Filed(h)));

        Assert.Equal("too-many-open-claims", Assert.Throws<Refusal>(() => Filed(household)).Code);
        var oneDeclined = household.Apply(new ClaimDeclined(household.OpenClaims.First(), "重复", "cadre-1"));
        Assert.Equal(Help.Code, Filed(oneDeclined).RuleCode);
    }

    [Fact]
    public void A_cadre_cannot_accept_a_claim_into_their_own_household()
    {
        var household = Given.Household();
        var filed = Filed(household);
        var ownCadre = Given.Cadre with { HouseholdId = household.Id };

        var refusal = Assert.Throws<Refusal>(() =>
            ClaimDecisions.Accept(household.Apply(filed), Given.Village(Help), Record(household, filed), Guid.NewGuid(), ownCadre, Given.Today, new ExpiryPolicy()));

        Assert.Equal("self-award", refusal.Code);
    }
}
