using FluentValidation;
using Marten;
using Microsoft.Extensions.Options;
using PointsLedger.Auth;
using PointsLedger.Expiry;
using PointsLedger.Households;
using PointsLedger.Http;
using Wolverine.Http;

namespace PointsLedger.Awards;

public sealed record RevokeAward(string Reason)
{
    public sealed class Validator : AbstractValidator<RevokeAward>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(200);
    }
}

public static class RevokeAwardEndpoint
{
    /// <summary>撤销：错记的积分以一条新的撤销记录冲回，原记录保留。</summary>
    [WolverinePost("/api/awards/{awardId}/revoke"), Tags("Awards")]
    public static async Task<AwardStatusAnswer> Post(
        Guid awardId, RevokeAward command, Actor actor, IDocumentSession session, TimeProvider clock, IOptions<ExpirySettings> expiry, CancellationToken ct)
    {
        actor.MustBe(Roles.Approver, Roles.Admin);
        var (stream, household, village) = await session.FetchAwardForDecisionAsync(awardId, actor, ct);
        var expiredBefore = expiry.Value.For(village.Township).ExpiredBefore(clock.Today());

        var history = await session.Events.FetchStreamAsync(household.Id, token: ct);
        stream.AppendOne(AwardDecisions.Revoke(household, village, Award.FromHistory(history.Select(e => e.Data), awardId), awardId, command.Reason, actor, expiredBefore));
        return new AwardStatusAnswer(awardId, household.Id, "revoked");
    }
}
