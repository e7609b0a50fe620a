using FluentValidation;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine.Http;

namespace PointsLedger.Notices;

/// <summary>A resident objects for their own household; a cadre may write it down for a household that came in person.</summary>
public sealed record RaiseObjection(Guid? HouseholdId, int? EntryNo, string Text)
{
    public sealed class Validator : AbstractValidator<RaiseObjection>
    {
        public Validator()
        {
            RuleFor(x => x.HouseholdId).NotEqual(Guid.Empty);
            RuleFor(x => x.EntryNo).GreaterThan(0);
            RuleFor(x => x.Text).NotEmpty().MaximumLength(500);
        }
    }
}

public sealed record RaisedObjectionAnswer(Guid ObjectionId, Guid VillageId, string Month, DateOnly ObjectionDeadline)
    : CreationResponse($"/api/villages/{VillageId}/notices/{Month}");

public static class RaiseObjectionEndpoint
{
    /// <summary>提出异议：公示期内，对本户或某一条记录提出异议；每户同时最多 3 条未答复的异议。</summary>
    [WolverinePost("/api/villages/{villageId}/notices/{month}/objections"), Tags("Notices"), EnableRateLimiting(RateLimits.Objection)]
    public static async Task<RaisedObjectionAnswer> Post(
        Guid villageId, string month, RaiseObjection command, Actor actor, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        actor.MustBe(Roles.Resident, Roles.Cadre, Roles.Approver);
        var stream = await session.Events.FetchForExclusiveWriting<Notice>(Notice.IdFor(villageId, month), ct);
        var notice = await session.MustSeeAsync(stream.Aggregate, villageId, month, actor, ct);
        var householdId = actor.Role == Roles.Resident ? actor.HouseholdId!.Value : command.HouseholdId ?? throw new Refusal(ProblemCodes.HouseholdRequired);
        var household = await session.LoadAsync<Household>(householdId, ct);
        if (household?.VillageId != villageId) throw new Refusal(ProblemCodes.HouseholdNotOnNotice);

        // Counted under the notice stream's lock, so racing objections of one household cannot pass the limit together.
        var open = await session.Query<Objection>().CountAsync(o => o.NoticeId == notice.Id && o.HouseholdId == householdId && o.Outcome == null, ct);
        var raised = NoticeDecisions.Raise(notice, household, open, command.EntryNo, command.Text, actor, clock.Today());
        stream.AppendOne(raised);
        return new RaisedObjectionAnswer(raised.ObjectionId, villageId, month, notice.ObjectionDeadline);
    }
}
