using Marten;
using PointsLedger.Auth;
using Wolverine.Http;

namespace PointsLedger.Awards;

public sealed record AwardStatusAnswer(Guid AwardId, Guid HouseholdId, string Status);

public static class ApproveAwardEndpoint
{
    /// <summary>审批：由提交人以外的审批人通过待审批的积分。</summary>
    [WolverinePost("/api/awards/{awardId}/approve"), Tags("Awards")]
    public static async Task<AwardStatusAnswer> Post(
        Guid awardId, Actor actor, IDocumentSession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Approver, Roles.Admin);
        var (stream, household, village) = await session.FetchAwardForDecisionAsync(awardId, actor, ct);

        stream.AppendOne(AwardDecisions.Approve(household, village, awardId, actor));
        return new AwardStatusAnswer(awardId, household.Id, "credited");
    }
}
