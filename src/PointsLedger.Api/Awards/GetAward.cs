using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Awards;

public sealed record AwardView(Guid AwardId, Guid HouseholdId, string RuleCode, Ledger.PointColor Color, int Points, DateOnly OccurredOn, string SubmittedBy, string Status);

public static class GetAwardEndpoint
{
    /// <summary>一条加分记录及其状态（待审核、已入账、已撤销）。</summary>
    [WolverineGet("/api/awards/{awardId}"), Tags("Awards")]
    public static async Task<AwardView> Get(Guid awardId, Actor actor, IQuerySession session, CancellationToken ct)
    {
        var householdId = await session.FindHouseholdOfAwardAsync(awardId, ct);
        Household household;
        try
        {
            household = await session.LoadForReaderAsync(householdId, actor, ct);
        }
        catch (Refusal)
        {
            throw new Refusal(ProblemCodes.AwardNotFound, awardId);
        }
        var history = await session.Events.FetchStreamAsync(household.Id, token: ct);
        var award = Award.FromHistory(history.Select(e => e.Data), awardId) ?? throw new Refusal(ProblemCodes.AwardNotFound, awardId);
        return new AwardView(awardId, household.Id, award.RuleCode, award.Color, award.Points, award.OccurredOn, award.SubmittedBy,
            award.Status.ToString().ToLowerInvariant());
    }
}
