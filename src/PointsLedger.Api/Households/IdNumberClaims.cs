using Marten;
using PointsLedger.Villages;

namespace PointsLedger.Households;

/// <summary>Two households of one township that hold the same person: a cadre resolves it by hand.</summary>
public sealed record IdNumberConflict(string Township, string VillageCode, string HouseholdNo, string OtherVillageCode, string OtherHouseholdNo);

public sealed record IdNumberClaimReport(int Claimed, IReadOnlyList<IdNumberConflict> Conflicts);

public static class IdNumberClaims
{
    /// <summary>
    /// Claims the ID numbers of households and members registered before claims existed (an upgrade
    /// step, safe to repeat); a number two households hold is left to the first and reported.
    /// </summary>
    public static async Task<IdNumberClaimReport> BackfillAsync(IDocumentSession session, CancellationToken ct)
    {
        var villages = (await session.Query<Village>().ToListAsync(ct)).ToDictionary(v => v.Id);
        // Individuals' accounts were claimed apart from the start (IdNumberClaim.IndividualIdFor).
        var households = (await session.Query<Household>().Where(h => h.MovedOutOn == null).ToListAsync(ct))
            .Where(h => !h.Kind.IsIndividual()).OrderBy(h => h.Id).ToList();
        var claims = (await session.Query<IdNumberClaim>().ToListAsync(ct)).ToDictionary(c => c.Id, c => c.HouseholdId);
        var byId = households.ToDictionary(h => h.Id);
        var (claimed, conflicts) = (0, new List<IdNumberConflict>());
        foreach (var household in households)
        {
            var village = villages[household.VillageId];
            foreach (var hash in household.Members.Select(m => m.IdNumberHash).Prepend(household.IdNumberHash))
            {
                var id = IdNumberClaim.IdFor(village.Township, hash);
                if (!claims.TryGetValue(id, out var holder))
                {
                    claims[id] = household.Id;
                    session.Insert(new IdNumberClaim(id, household.Id));
                    claimed++;
                }
                else if (holder != household.Id)
                {
                    var other = byId[holder];
                    conflicts.Add(new IdNumberConflict(village.Township, village.Code, household.HouseholdNo, villages[other.VillageId].Code, other.HouseholdNo));
                }
            }
        }
        return new IdNumberClaimReport(claimed, conflicts);
    }
}
