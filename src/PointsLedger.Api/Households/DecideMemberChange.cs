using FluentValidation;
using JasperFx.Events;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Problems;
using PointsLedger.Villages;
using PointsLedger.Http;
using Wolverine.Http;

namespace PointsLedger.Households;

/// <summary><see cref="Status"/>: <c>pending</c> while an approver has not decided, then <c>active</c>, <c>removed</c> or <c>rejected</c>.</summary>
public sealed record MemberChangeAnswer(Guid MemberId, Guid HouseholdId, string Status);

public sealed record MemberChangeReason(string Reason)
{
    public sealed class Validator : AbstractValidator<MemberChangeReason>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(200);
    }
}

public static class DecideMemberChangeEndpoints
{
    /// <summary>移除家庭成员（待审核）: the member keeps opening the card until an approver approves.</summary>
    [WolverinePost("/api/households/{householdId}/members/{memberId}/remove"), Tags("Households")]
    public static async Task<MemberChangeAnswer> ProposeRemoval(
        Guid memberId, MemberChangeReason command, Actor actor, [WriteStream] IEventStream<Household> stream, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre);
        var (household, _) = await session.ToChangeAsync(stream, actor, ct);
        stream.AppendOne(MemberDecisions.ProposeRemoval(household, memberId, command.Reason, actor));
        return new MemberChangeAnswer(memberId, stream.Id, "pending");
    }

    /// <summary>审核不通过: the proposed arrival or departure does not happen; the reason is recorded.</summary>
    [WolverinePost("/api/households/{householdId}/members/{memberId}/reject"), Tags("Households")]
    public static async Task<MemberChangeAnswer> Reject(
        Guid memberId, MemberChangeReason command, Actor actor, [WriteStream] IEventStream<Household> stream, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Approver);
        var (household, _) = await session.ToChangeAsync(stream, actor, ct);
        stream.AppendOne(MemberDecisions.Reject(household, memberId, command.Reason, actor));
        return new MemberChangeAnswer(memberId, stream.Id, "rejected");
    }
}

public static class ApproveMemberChangeEndpoint
{
    /// <summary>审核通过: by an approver of the village or an admin who did not propose the change.</summary>
    [WolverinePost("/api/households/{householdId}/members/{memberId}/approve"), Tags("Households")]
    public static async Task<MemberChangeAnswer> Approve(
        Guid householdId, Guid memberId, Actor actor, [WriteStream] IEventStream<Household> stream, IDocumentSession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Approver);
        var (household, village) = await session.ToChangeAsync(stream, actor, ct);
        var approved = MemberDecisions.Approve(household, memberId, actor);
        var change = household.MemberChanges[memberId];
        var claim = IdNumberClaim.IdFor(village.Township, change.Member.IdNumberHash);
        if (change.Removal) session.Delete<IdNumberClaim>(claim);
        else session.Insert(new IdNumberClaim(claim, householdId));
        stream.AppendOne(approved);
        return new MemberChangeAnswer(memberId, householdId, change.Removal ? "removed" : "active");
    }
}
