using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using PointsLedger.Auth;
using PointsLedger.Http;
using Wolverine.Http;

namespace PointsLedger.Households;

/// <param name="On">The day the household left (village date); its month must still be open.</param>
public sealed record MoveOut(string Reason, DateOnly On)
{
    public sealed class Validator : AbstractValidator<MoveOut>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(200);
            RuleFor(x => x.On).NotEmpty();
        }
    }
}

/// <param name="Forfeited">The available points the township's policy took (<c>Households:OnMoveOut</c> = <c>expire</c>).</param>
/// <param name="Withdrawn">Awards that were waiting for an approver, withdrawn with the move-out.</param>
public sealed record MovedOutAnswer(Guid HouseholdId, HouseholdStatus Status, DateOnly MovedOutOn, int Forfeited, IReadOnlyList<Guid> Withdrawn);

/// <summary>Configuration section "Households": what happens to a household's points when it moves out, with per-township overrides.</summary>
public sealed class HouseholdSettings
{
    public MoveOutPolicy OnMoveOut { get; set; } = MoveOutPolicy.Keep;
    public Dictionary<string, MoveOutPolicy> Townships { get; set; } = new();

    public MoveOutPolicy MoveOutFor(string township) => Townships.GetValueOrDefault(township, OnMoveOut);
}

public static class MoveOutEndpoint
{
    /// <summary>
    /// 迁出销户: the household earns and spends nothing more and stays on the notices through the month it
    /// left. Its people's ID numbers are free to be registered with another household of the township.
    /// </summary>
    [WolverinePost("/api/households/{householdId}/move-out"), Tags("Households")]
    public static async Task<MovedOutAnswer> Post(
        MoveOut command, Actor actor, [WriteStream] IEventStream<Household> stream, IDocumentSession session, TimeProvider clock,
        IOptions<HouseholdSettings> settings, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre, Roles.Approver);
        var (household, village) = await session.ToChangeAsync(stream, actor, ct);
        var decided = HouseholdDecisions.MoveOut(household, village, command.On, command.Reason, actor, clock.Today(),
            settings.Value.MoveOutFor(village.Township));
        var people = household.Members.Select(m => m.IdNumberHash).Prepend(household.IdNumberHash)
            .SelectMany(hash => new[] { IdNumberClaim.IdFor(village.Township, hash), IdNumberClaim.IndividualIdFor(village.Township, hash) });
        foreach (var claim in await session.LoadManyAsync<IdNumberClaim>(ct, people))
        {
            if (claim.HouseholdId == household.Id) session.Delete(claim);
        }
        stream.AppendMany(decided);
        var movedOut = decided.OfType<HouseholdMovedOut>().Single();
        return new MovedOutAnswer(stream.Id, HouseholdStatus.Closed, movedOut.On, -movedOut.Forfeited.Sum(c => c.Points),
            decided.OfType<AwardRevoked>().Select(r => r.AwardId).ToList());
    }
}
