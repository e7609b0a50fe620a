using Marten;
using PointsLedger.Auth;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Households;

public static class HouseholdAccess
{
    /// <summary>Loads the household's snapshot for a reader allowed to see it: its village's staff, township roles, itself.</summary>
    public static async Task<Household> LoadForReaderAsync(this IQuerySession session, Guid householdId, Actor actor, CancellationToken ct) =>
        await session.LoadAsync<Household>(householdId, ct) is { } household && await session.MayReadAsync(household, actor, ct)
            ? household
            : throw new Refusal(ProblemCodes.HouseholdNotFound, householdId);

    /// <summary>The same check for a household already loaded (under its lock, say); its village is read only for a township-limited role.</summary>
    public static async Task<bool> MayReadAsync(this IQuerySession session, Household household, Actor actor, CancellationToken ct) =>
        actor.MayRead(household, actor is { Role: Roles.Admin or Roles.Auditor, Township: not null }
            ? (await session.LoadVillageAsync(household.VillageId, ct)).Township
            : null);

    /// <param name="township">The household's township; only a township-limited admin or auditor needs it.</param>
    public static bool MayRead(this Actor actor, Household household, string? township) => actor.Role switch
    {
        Roles.Admin or Roles.Auditor => actor.Township is null || township == actor.Township,
        Roles.Cadre or Roles.Approver => actor.VillageId == household.VillageId,
        Roles.Resident => actor.HouseholdId == household.Id,
        _ => false,
    };

    /// <summary>
    /// The household of a stream locked for a change, with its village (whose township scopes ID numbers
    /// and whose grids and months the change may need), for staff who may act on it; anyone else is told
    /// it does not exist. The village is held open (<see cref="VillageLocks"/>): no month closes under a
    /// change that a notice reads, such as a move-out or a new head.
    /// </summary>
    public static async Task<(Household Household, Village Village)> ToChangeAsync(
        this IQuerySession session, JasperFx.Events.IEventStream<Household> stream, Actor actor, CancellationToken ct)
    {
        if (stream.Aggregate is not { } household) throw new Refusal(ProblemCodes.HouseholdNotFound, stream.Id);
        var village = await session.HoldOpenAndLoadAsync(household.VillageId, ct);
        return actor.MayRead(household, village.Township) ? (household, village) : throw new Refusal(ProblemCodes.HouseholdNotFound, stream.Id);
    }

    /// <summary>Who may see or print a household's card number: the household, its village's cadres, admins (township checked on reading).</summary>
    public static bool MayHoldCardOf(this Actor actor, Household household) => actor.Role switch
    {
        Roles.Admin => true,
        Roles.Cadre => actor.VillageId == household.VillageId,
        Roles.Resident => actor.HouseholdId == household.Id,
        _ => false,
    };
}
