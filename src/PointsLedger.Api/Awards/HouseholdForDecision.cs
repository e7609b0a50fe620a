using JasperFx.Events;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Awards;

public static class HouseholdForDecision
{
    /// <summary>
    /// Locks the household's stream for the rest of the transaction and loads it with its village,
    /// holding the village open (<see cref="VillageLocks"/>): one round trip when the actor's token
    /// names the village, as village staff's tokens do.
    /// </summary>
    public static async Task<(IEventStream<Household> Stream, Household Household, Village Village)> FetchForDecisionAsync(
        this IDocumentSession session, Guid householdId, Actor actor, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        var fetch = batch.Events.FetchForExclusiveWriting<Household>(householdId);
        var actorsVillage = actor.VillageId is { } villageId ? batch.HoldOpenAndLoad(villageId) : null;
        await batch.Execute(ct);

        var stream = await fetch;
        var household = stream.Aggregate ?? throw new Refusal(ProblemCodes.HouseholdNotFound, householdId);
        actor.MustActIn(household.VillageId);
        var village = actorsVillage is not null && await actorsVillage is { } loaded && loaded.Id == household.VillageId
            ? loaded
            : await session.HoldOpenAndLoadAsync(household.VillageId, ct);
        actor.MustActIn(village);
        await session.MustNotBeOwnAccountAsync(household, actor, ct);
        return (stream, household, village);
    }

    /// <summary>
    /// The favour-points guard for individuals: staff whose token names their household may not act on the
    /// individual account (网格员…) of one of its people, as they may not on the household itself.
    /// </summary>
    public static async Task MustNotBeOwnAccountAsync(this IQuerySession session, Household account, Actor actor, CancellationToken ct)
    {
        if (!account.Kind.IsIndividual() || actor.Role == Roles.Resident || actor.HouseholdId is not { } own) return;
        if (await session.LoadAsync<Household>(own, ct) is { } household && household.HasPerson(account.IdNumberHash))
        {
            throw new Refusal(ProblemCodes.SelfAward);
        }
    }

    /// <summary>
    /// The same for the household an award belongs to. A caller from another village is told the
    /// award does not exist, as a read would tell them, rather than that it exists elsewhere.
    /// </summary>
    public static async Task<(IEventStream<Household> Stream, Household Household, Village Village)> FetchAwardForDecisionAsync(
        this IDocumentSession session, Guid awardId, Actor actor, CancellationToken ct)
    {
        var householdId = await session.FindHouseholdOfAwardAsync(awardId, ct);
        try
        {
            return await session.FetchForDecisionAsync(householdId, actor, ct);
        }
        catch (Refusal refusal) when (refusal.Problem == ProblemCodes.OutOfScope)
        {
            throw new Refusal(ProblemCodes.AwardNotFound, awardId);
        }
    }
}
