using System.Security.Claims;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Awards;

public sealed record AwardView(Guid AwardId, Guid HouseholdId, string RuleCode, Ledger.PointColor Color, int Points, DateOnly OccurredOn, string SubmittedBy, string Status);

public static class GetAwardEndpoint
{
    [WolverineGet("/api/awards/{awardId}"), Tags("Awards")]
    public static async Task<AwardView> Get(Guid awardId, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var location = await session.LoadAsync<AwardLocation>(awardId, ct) ?? throw Refusal.NotFound("award-not-found", awardId);
        var household = await session.LoadForReaderAsync(location.HouseholdId, Actor.From(user), ct);
        var award = household.Awards[awardId];
        return new AwardView(awardId, household.Id, award.RuleCode, award.Color, award.Points, award.OccurredOn, award.SubmittedBy,
            award.Status.ToString().ToLowerInvariant());
    }
}
