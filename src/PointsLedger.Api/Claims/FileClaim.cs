using FluentValidation;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Awards;
using PointsLedger.Evidence;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Claims;

/// <param name="EvidenceIds">Photos the resident uploaded (<c>POST /api/evidence</c>); a rule that requires evidence needs one.</param>
/// <param name="Quantity">For a rule per hour (志愿服务), the hours.</param>
public sealed record FileClaim(string RuleCode, DateOnly OccurredOn, string? Note, string[]? EvidenceIds, int? Quantity = null)
{
    public sealed class Validator : AbstractValidator<FileClaim>
    {
        public Validator()
        {
            RuleFor(x => x.RuleCode).NotEmpty().MaximumLength(32);
            RuleFor(x => x.OccurredOn).NotEmpty();
            RuleFor(x => x.Note).MaximumLength(200);
            RuleFor(x => x.Quantity).InclusiveBetween(1, AwardDetails.MaxHours);
            RuleFor(x => x.EvidenceIds).SetValidator(new EvidenceIdsValidator()!);
        }
    }
}

public sealed record ClaimAnswer(Guid ClaimId, ClaimStatus Status) : CreationResponse($"/api/claims/{ClaimId}");

public static class FileClaimEndpoint
{
    /// <summary>我要申报：the signed-in resident asks for points under a rule of the village; at most five open claims a household.</summary>
    [WolverinePost("/api/me/claims"), Tags("Me")]
    public static async Task<ClaimAnswer> Post(FileClaim command, Actor actor, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var householdId = actor.MustBe(Roles.Resident).HouseholdId ?? throw new Refusal(ProblemCodes.Forbidden);
        var (stream, household, village) = await session.FetchForDecisionAsync(householdId, actor, ct);
        var evidence = await session.AttachEvidenceAsync(command.EvidenceIds, household, actor, ct);
        var filed = ClaimDecisions.File(household, village, village.RuleFor(command.RuleCode), Guid.CreateVersion7(), command.OccurredOn, command.Note,
            evidence, actor, clock.Today(), command.Quantity);
        stream.AppendOne(filed);
        return new ClaimAnswer(filed.ClaimId, ClaimStatus.Open);
    }
}
