using System.Text.Json.Serialization;
using FluentValidation;
using Marten;
using Microsoft.Extensions.Options;
using PointsLedger.Auth;
using PointsLedger.Evidence;
using PointsLedger.Expiry;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Ledger;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Awards;

/// <summary>Awards (or deducts) points to one account, a household's or an individual's, by a rule of its village.</summary>
/// <param name="AccountId">The account, instead of <see cref="HouseholdId"/>: exactly one of the two.</param>
/// <param name="Quantity">For a rule per hour, the hours (at most a day's 24).</param>
/// <param name="EvidenceIds">Photos uploaded by the caller (<c>POST /api/evidence</c>); a rule that requires evidence needs one.</param>
public sealed record GrantAward(
    Guid? HouseholdId, string RuleCode, DateOnly OccurredOn, string? Note, Guid? AccountId = null, int? Quantity = null, string[]? EvidenceIds = null)
{
    [JsonIgnore]
    public Guid Account => AccountId ?? HouseholdId ?? Guid.Empty;

    public sealed class Validator : AbstractValidator<GrantAward>
    {
        public Validator()
        {
            RuleFor(x => x.Account).NotEmpty().OverridePropertyName("householdId").WithMessage("请给出 householdId 或 accountId", "Give householdId or accountId");
            RuleFor(x => x.AccountId).Null().When(x => x.HouseholdId is not null).WithMessage("householdId 与 accountId 只填其一", "Give householdId or accountId, not both");
            RuleFor(x => x.Quantity).InclusiveBetween(1, AwardDetails.MaxHours);
            RuleFor(x => x.EvidenceIds).SetValidator(new EvidenceIdsValidator()!);
            RuleFor(x => x.RuleCode).NotEmpty().MaximumLength(32);
            RuleFor(x => x.OccurredOn).NotEmpty();
            RuleFor(x => x.Note).MaximumLength(200);
        }
    }
}

public sealed record AwardAnswer(Guid AwardId, Guid HouseholdId, string Status, PointColor Color, int Points)
    : CreationResponse($"/api/awards/{AwardId}")
{
    public static AwardAnswer From(Guid householdId, IRecordsAward decided) =>
        new(decided.AwardId, householdId, decided is AwardSubmitted ? "pending" : "credited", decided.Color, decided.Points);
}

public static class GrantAwardEndpoint
{
    /// <summary>按细则加分或扣分。Send an Idempotency-Key: a retry returns the first answer.</summary>
    [WolverinePost("/api/awards"), Tags("Awards")]
    public static async Task<AwardAnswer> Post(
        GrantAward command, Actor actor, IDocumentSession session, TimeProvider clock, IOptions<ExpirySettings> expiry, CancellationToken ct)
    {
        actor.MustBe(Roles.Cadre, Roles.Approver, Roles.Admin);
        var (stream, household, village) = await session.FetchForDecisionAsync(command.Account, actor, ct);
        var evidence = await session.AttachEvidenceAsync(command.EvidenceIds, household, actor, ct);

        var decided = AwardDecisions.Grant(household, village, village.RuleFor(command.RuleCode), Guid.CreateVersion7(),
            command.OccurredOn, command.Note, actor, clock.Today(), expiry.Value.For(village.Township),
            details: new AwardDetails(command.Quantity, evidence));
        stream.AppendOne(AwardStreams.AsRecordedEvent(decided));
        return AwardAnswer.From(household.Id, decided);
    }
}
