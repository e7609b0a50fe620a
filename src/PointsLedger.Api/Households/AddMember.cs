using System.Security.Claims;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Mvc;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Idempotency;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Households;

/// <summary>A family member (配偶、子女、父母…): their ID digits open the household card too.</summary>
public sealed record AddMember(string Name, string IdNumber, string Relation)
{
    public sealed class Validator : AbstractValidator<AddMember>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(32);
            RuleFor(x => x.IdNumber).Must(Households.IdNumber.IsValid)
                .WithMessage("身份证号码无效（须为18位且校验位正确）", "Not a valid ID number (18 characters with a correct check character)");
            RuleFor(x => x.Relation).NotEmpty().MaximumLength(16);
        }
    }
}

public sealed record MemberRecorded(Guid MemberId, Guid HouseholdId) : CreationResponse($"/api/households/{HouseholdId}");

public static class AddMemberEndpoint
{
    public static ProblemDetails Validate(AddMember command) => Shape.Check<AddMember, AddMember.Validator>(command);

    /// <summary>登记家庭成员. The village's cadres or admins; one person is registered once per household.</summary>
    [WolverinePost("/api/households/{householdId}/members"), Tags("Households")]
    public static async Task<MemberRecorded> Post(
        Guid householdId, AddMember command, ClaimsPrincipal user, IDocumentSession session, IdNumberHasher hasher, HttpContext context, CancellationToken ct)
    {
        var actor = Actor.From(user).MustBe(Roles.Admin, Roles.Cadre);
        var stream = await session.Events.FetchForExclusiveWriting<Household>(householdId, ct);
        if (stream.Aggregate is not { } household || !await session.MayReadAsync(household, actor, ct))
        {
            throw Refusal.NotFound("household-not-found", householdId);
        }

        var idNumber = IdNumber.Normalize(command.IdNumber);
        var hash = hasher.Hash(idNumber);
        if (household.HasPerson(hash)) throw Refusal.Conflict("member-already-registered");
        var memberId = Guid.CreateVersion7();
        stream.AppendOne(new MemberAdded(memberId, command.Name.Trim(), command.Relation.Trim(), IdNumber.Mask(idNumber), hash,
            hasher.CardCheck(household.CardNo, idNumber[^6..]), actor.Id));
        return IdempotentResponses.Remember(context, session, StatusCodes.Status201Created, new MemberRecorded(memberId, householdId));
    }
}
