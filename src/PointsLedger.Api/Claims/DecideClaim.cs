using FluentValidation;
using Marten;
using Microsoft.Extensions.Options;
using PointsLedger.Auth;
using PointsLedger.Awards;
using PointsLedger.Expiry;
using PointsLedger.Http;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Claims;

public sealed record DeclineClaim(string Reason)
{
    public sealed class Validator : AbstractValidator<DeclineClaim>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(200);
    }
}

/// <param name="AwardId">The award an accepted claim became (<c>pending</c> while its rule's approver has not decided).</param>
public sealed record ClaimDecided(Guid ClaimId, ClaimStatus Status, Guid? AwardId, string? AwardStatus);

public static class DecideClaimEndpoints
{
    /// <summary>采纳申报: the claim becomes an award by the caller, with the resident as claimant, pending approval if its rule asks for it.</summary>
    [WolverinePost("/api/claims/{claimId}/accept"), Tags("Claims")]
    public static async Task<ClaimDecided> Accept(
        Guid claimId, Actor actor, IDocumentSession session, TimeProvider clock, IOptions<ExpirySettings> expiry, CancellationToken ct)
    {
        actor.MustBe(Roles.Cadre, Roles.Approver, Roles.Admin);
        var (stream, household, village, claim) = await FetchAsync(session, claimId, actor, ct);
        var (award, accepted) = ClaimDecisions.Accept(household, village, claim, Guid.CreateVersion7(), actor, clock.Today(),
            expiry.Value.For(village.Township));
        stream.AppendOne(AwardStreams.AsRecordedEvent(award));
        stream.AppendOne(accepted);
        return new ClaimDecided(claimId, ClaimStatus.Accepted, award.AwardId, AwardAnswer.From(household.Id, award).Status);
    }

    /// <summary>不予采纳, with a reason the resident reads.</summary>
    [WolverinePost("/api/claims/{claimId}/decline"), Tags("Claims")]
    public static async Task<ClaimDecided> Decline(Guid claimId, DeclineClaim command, Actor actor, IDocumentSession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Cadre, Roles.Approver, Roles.Admin);
        var (stream, household, _, claim) = await FetchAsync(session, claimId, actor, ct);
        stream.AppendOne(ClaimDecisions.Decline(household, claim, claimId, command.Reason.Trim(), actor));
        return new ClaimDecided(claimId, ClaimStatus.Declined, null, null);
    }

    /// <summary>The claim and its household's locked stream; a caller outside its village is told it does not exist.</summary>
    private static async Task<(JasperFx.Events.IEventStream<Households.Household>, Households.Household, Villages.Village, ClaimRecord)> FetchAsync(
        IDocumentSession session, Guid claimId, Actor actor, CancellationToken ct)
    {
        var claim = await session.LoadAsync<ClaimRecord>(claimId, ct) ?? throw new Refusal(ProblemCodes.ClaimNotFound, claimId);
        try
        {
            var (stream, household, village) = await session.FetchForDecisionAsync(claim.HouseholdId, actor, ct);
            return (stream, household, village, claim);
        }
        catch (Refusal refusal) when (refusal.Problem == ProblemCodes.OutOfScope)
        {
            throw new Refusal(ProblemCodes.ClaimNotFound, claimId);
        }
    }
}
