using System.Collections.Immutable;
using PointsLedger.Auth;
using PointsLedger.Awards;
using PointsLedger.Households;
using PointsLedger.Ledger;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Claims;

/// <summary>Pure decisions over a resident's claims, run under the household stream's lock.</summary>
public static class ClaimDecisions
{
    public const int MaxOpen = 5;

    /// <summary>A claim names an active rule that applies to the account, for a day that is past and in an open month.</summary>
    public static ClaimFiled File(
        Household household, Village village, Rule rule, Guid claimId, DateOnly occurredOn, string? note, ImmutableList<string>? evidenceIds, Actor resident,
        DateOnly today, int? quantity = null)
    {
        household.MustBeOpen();
        if (household.OpenClaims.Count >= MaxOpen) throw new Refusal(ProblemCodes.TooManyOpenClaims, household.OpenClaims.Count);
        if (occurredOn > today) throw new Refusal(ProblemCodes.OccurredInFuture, occurredOn.ToString("yyyy-MM-dd"));
        village.MustBeOpenOn(occurredOn);
        if (rule.IsRetired) throw new Refusal(ProblemCodes.RuleRetired, rule.Code) { Extensions = { ["replacedBy"] = rule.ReplacedBy } };
        if (!AwardDecisions.AppliesTo(rule, household.Kind)) throw new Refusal(ProblemCodes.RuleNotForAccount, rule.Title, household.Kind.Label());
        if (rule.RequiresEvidence && evidenceIds is not { Count: > 0 }) throw new Refusal(ProblemCodes.EvidenceRequired, rule.Title);
        AwardDecisions.PointsFor(rule, quantity);
        return new ClaimFiled(claimId, village.Id, rule.Code, occurredOn, note, evidenceIds ?? [], resident.Id, quantity);
    }

    public static void MustBeOpen(Household household, ClaimRecord? claim, Guid claimId)
    {
        if (claim is null || claim.HouseholdId != household.Id) throw new Refusal(ProblemCodes.ClaimNotFound, claimId);
        if (!household.OpenClaims.Contains(claimId)) throw new Refusal(ProblemCodes.ClaimNotOpen);
    }

    /// <summary>The award the claim becomes, by the cadre, with every rule an award of theirs meets; and the claim marked accepted.</summary>
    public static (IRecordsAward Award, ClaimAccepted Accepted) Accept(
        Household household, Village village, ClaimRecord claim, Guid awardId, Actor cadre, DateOnly today, Expiry.ExpiryPolicy expiry)
    {
        MustBeOpen(household, claim, claim.Id);
        var award = AwardDecisions.Grant(household, village, village.RuleFor(claim.RuleCode), awardId, claim.OccurredOn, claim.Note, cadre, today, expiry,
            details: new AwardDetails(claim.Quantity, claim.EvidenceIds.IsEmpty ? null : claim.EvidenceIds, claim.FiledBy));
        return (award, new ClaimAccepted(claim.Id, awardId, cadre.Id));
    }

    public static ClaimDeclined Decline(Household household, ClaimRecord? claim, Guid claimId, string reason, Actor cadre)
    {
        MustBeOpen(household, claim, claimId);
        return new ClaimDeclined(claimId, reason, cadre.Id);
    }
}
