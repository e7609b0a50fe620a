using Marten;
using PointsLedger.Households;
using PointsLedger.Redemptions;

namespace PointsLedger.Statements;

public static class RedemptionsInPeriod
{
    /// <summary>Redemptions made or reversed from <paramref name="from"/> until before <paramref name="to"/>, at the given merchants, with their households.</summary>
    public static async Task<(IReadOnlyList<RedemptionRecord> Redemptions, IReadOnlyDictionary<Guid, Household> Households)> LoadAsync(
        IQuerySession session, IReadOnlyCollection<Guid> merchantIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var redemptions = await session.Query<RedemptionRecord>()
            .Where(r => r.MerchantId.IsOneOf(merchantIds.ToArray())
                && ((r.RedeemedOn >= from && r.RedeemedOn < to) || (r.Reversal != null && r.Reversal.ReversedOn >= from && r.Reversal.ReversedOn < to)))
            .ToListAsync(ct);
        var households = await session.LoadManyAsync<Household>(ct, redemptions.Select(r => r.HouseholdId).Distinct());
        return (redemptions, households.ToDictionary(h => h.Id));
    }
}
