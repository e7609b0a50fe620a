using FluentValidation;
using JasperFx.Events;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Households;

/// <summary>A family member (配偶、子女、父母…): once approved, their ID digits open the household card too.</summary>
public sealed record AddMember(string Name, string IdNumber, string Relation)
{
    public sealed class Validator : AbstractValidator<AddMember>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(32);
            RuleFor(x => x.IdNumber).MustBeIdNumber();
            RuleFor(x => x.Relation).NotEmpty().MaximumLength(16);
        }
    }
}

/// <summary><see cref="Status"/> is <c>pending</c> until an approver decides.</summary>
public sealed record MemberAnswer(Guid MemberId, Guid HouseholdId, string Status) : CreationResponse($"/api/households/{HouseholdId}");

public static class AddMemberEndpoint
{
    /// <summary>
    /// 登记家庭成员（待审核）. The village's cadres or admins propose; an approver approves
    /// (<c>…/members/{memberId}/approve</c>). A person is registered once per household, and an ID number
    /// belongs to one household of the township.
    /// </summary>
    [WolverinePost("/api/households/{householdId}/members"), Tags("Households")]
    public static async Task<MemberAnswer> Post(
        Guid householdId, AddMember command, Actor actor, [WriteStream] IEventStream<Household> stream, IQuerySession session, IdNumberHasher hasher,
        CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre);
        var (household, village) = await session.ToChangeAsync(stream, actor, ct);
        var idNumber = IdNumber.Normalize(command.IdNumber);
        var hash = hasher.Hash(idNumber);
        if (await session.LoadAsync<IdNumberClaim>(IdNumberClaim.IdFor(village.Township, hash), ct) is { } claim && claim.HouseholdId != householdId)
        {
            throw new Refusal(ProblemCodes.IdNumberTaken);
        }

        var member = new Member(Guid.CreateVersion7(), command.Name.Trim(), command.Relation.Trim(), IdNumber.Mask(idNumber), hash,
            hasher.CardCheck(household.CardCheckKey, idNumber[^6..]));
        stream.AppendOne(MemberDecisions.Propose(household, member, actor));
        return new MemberAnswer(member.MemberId, householdId, "pending");
    }
}
