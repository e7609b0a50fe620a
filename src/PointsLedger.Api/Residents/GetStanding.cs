using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Problems;
using PointsLedger.Reports;
using Wolverine.Http;

namespace PointsLedger.Residents;

/// <param name="Earned">The household's points earned this year (by the awards' dates), which the rank orders.</param>
/// <param name="Households">The village's households that have not moved out (for an individual, its individuals).</param>
public sealed record Standing(int Year, int Rank, int Households, int Earned);

public static class GetStandingEndpoint
{
    /// <summary>本户今年在村里的排名：by points earned this year, as the monthly notice ranks households (1, 2, 2, 4).</summary>
    [WolverineGet("/api/me/standing"), Tags("Me")]
    public static async Task<Standing> Get(Actor actor, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var householdId = actor.MustBe(Roles.Resident).HouseholdId ?? throw new Refusal(ProblemCodes.Forbidden);
        var household = await session.LoadForReaderAsync(householdId, actor, ct);
        var year = clock.Today().Year;
        var standing = await session.LoadAsync<VillageYearStanding>(VillageYearStanding.IdOf(household.VillageId, year), ct)
            ?? new VillageYearStanding(VillageYearStanding.IdOf(household.VillageId, year), household.VillageId, year);
        // Households rank among households, individuals among individuals, as on the notice.
        var households = (await session.Query<Household>().Where(h => h.VillageId == household.VillageId && h.MovedOutOn == null)
                .Select(h => new { h.Id, h.Kind }).ToListAsync(ct))
            .Where(h => h.Kind.IsIndividual() == household.Kind.IsIndividual()).Select(h => h.Id).ToList();
        return new Standing(year, standing.RankOf(householdId, households), households.Count, standing.EarnedByHousehold.GetValueOrDefault(householdId));
    }
}
