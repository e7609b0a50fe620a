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

    /// <summary>The same check for a household already loaded (under its lock, say).</summary>
    public static async Task<bool> MayReadAsync(this IQuerySession session, Household household, Actor actor, CancellationToken ct) => actor.Role switch
    {
        Roles.Admin or Roles.Auditor => actor.Township is null || (await session.LoadVillageAsync(household.VillageId, ct)).Township == actor.Township,
        Roles.Cadre or Roles.Approver => actor.VillageId == household.VillageId,
        Roles.Resident => actor.HouseholdId == household.Id,
        _ => false,
    };

    /// <summary>Who may see or print a household's card number: the household, its village's cadres, admins (township checked on reading).</summary>
    public static bool MayHoldCardOf(this Actor actor, Household household) => actor.Role switch
    {
        Roles.Admin => true,
        Roles.Cadre => actor.VillageId == household.VillageId,
        Roles.Resident => actor.HouseholdId == household.Id,
        _ => false,
    };
}
