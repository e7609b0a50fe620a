using System.Security.Claims;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using Wolverine.Http;

namespace PointsLedger.Awards;

public sealed record AwardView(Guid AwardId, Guid HouseholdId, string RuleCode, Ledger.PointColor Color, int Points, DateOnly OccurredOn, string SubmittedBy, string Status);

public static class GetAwardEndpoint
{
    [WolverineGet("/api/awards/{awardId}"), Tags("Awards")]
    public static async Task<AwardView> Get(Guid awardId, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var household = await session.LoadForReaderAsync(await session.FindHouseholdOfAwardAsync(awardId, ct), Actor.From(user), ct);
        var history = await session.Events.FetchStreamAsync(household.Id, token: ct);
        var award = Award.FromHistory(history.Select(e => e.Data), awardId)!;
        return new AwardView(awardId, household.Id, award.RuleCode, award.Color, award.Points, award.OccurredOn, award.SubmittedBy,
            award.Status.ToString().ToLowerInvariant());
    }
}
