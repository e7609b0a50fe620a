using FluentValidation;
using Marten;
using Microsoft.Extensions.Options;
using PointsLedger.Auth;
using PointsLedger.Expiry;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Ledger;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Awards;

/// <summary>Awards (or deducts) points to one household by a rule of its village.</summary>
public sealed record GrantAward(Guid HouseholdId, string RuleCode, DateOnly OccurredOn, string? Note)
{
    public sealed class Validator : AbstractValidator<GrantAward>
    {
        public Validator()
        {
            RuleFor(x => x.HouseholdId).NotEmpty();
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
        var (stream, household, village) = await session.FetchForDecisionAsync(command.HouseholdId, actor, ct);

        var decided = AwardDecisions.Grant(household, village, village.RuleFor(command.RuleCode), Guid.CreateVersion7(),
            command.OccurredOn, command.Note, actor, clock.Today(), expiry.Value.For(village.Township));
        stream.AppendOne(AwardStreams.AsRecordedEvent(decided));
        return AwardAnswer.From(household.Id, decided);
    }
}
