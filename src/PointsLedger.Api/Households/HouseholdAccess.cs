using Marten;
using PointsLedger.Auth;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Households;

public static class HouseholdAccess
{
    /// <summary>Loads the household's snapshot for a reader allowed to see it: its village's staff, township roles, itself.</summary>
    public static async Task<Household> LoadForReaderAsync(this IQuerySession session, Guid householdId, Actor actor, CancellationToken ct)
    {
        var household = await session.LoadAsync<Household>(householdId, ct) ?? throw Refusal.NotFound("household-not-found", householdId);
        var allowed = actor.Role switch
        {
            Roles.Admin or Roles.Auditor => actor.Township is null || (await session.LoadVillageAsync(household.VillageId, ct)).Township == actor.Township,
            Roles.Cadre or Roles.Approver => actor.VillageId == household.VillageId,
            Roles.Resident => actor.HouseholdId == household.Id,
            _ => false,
        };
        return allowed ? household : throw Refusal.NotFound("household-not-found", householdId);
    }
}
