using FluentValidation;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Http;
using Wolverine.Http;

namespace PointsLedger.Notices;

/// <summary>Upheld: the approver then records the correction in the next open month. Dismissed: the answer gives the reason.</summary>
public sealed record AnswerObjection(bool? Upheld, string Answer)
{
    public sealed class Validator : AbstractValidator<AnswerObjection>
    {
        public Validator()
        {
            RuleFor(x => x.Upheld).NotNull();
            RuleFor(x => x.Answer).NotEmpty().MaximumLength(500);
        }
    }
}

public sealed record ObjectionStatus(Guid ObjectionId, string Status);

public static class AnswerObjectionEndpoint
{
    /// <summary>答复异议. The village's approvers or township admins.</summary>
    [WolverinePost("/api/villages/{villageId}/notices/{month}/objections/{objectionId}/answer"), Tags("Notices")]
    public static async Task<ObjectionStatus> Post(
        Guid villageId, string month, Guid objectionId, AnswerObjection command, Actor actor, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        actor.MustBe(Roles.Approver, Roles.Admin).MustActIn(villageId);
        var stream = await session.Events.FetchForExclusiveWriting<Notice>(Notice.IdFor(villageId, month), ct);
        var notice = await session.MustSeeAsync(stream.Aggregate, villageId, month, actor, ct);
        var answered = NoticeDecisions.Answer(notice, await session.LoadAsync<Objection>(objectionId, ct), objectionId, command.Upheld!.Value, command.Answer, actor, clock.Today());
        stream.AppendOne(answered);
        return new ObjectionStatus(objectionId, answered.Upheld ? "upheld" : "dismissed");
    }
}
