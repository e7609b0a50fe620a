using Marten;
using PointsLedger.Exports;
using PointsLedger.Households;
using PointsLedger.Redemptions;

namespace PointsLedger.Statements;

public static class RedemptionsOfMonth
{
    /// <summary>Redemptions made or reversed in the month, at the given merchants, with their households.</summary>
    public static async Task<(IReadOnlyList<RedemptionRecord> Redemptions, IReadOnlyDictionary<Guid, Household> Households)> LoadAsync(
        IQuerySession session, IReadOnlyCollection<Guid> merchantIds, MonthRequest month, CancellationToken ct)
    {
        var (from, to) = (month.FirstDay, month.NextMonth);
        var redemptions = await session.Query<RedemptionRecord>()
            .Where(r => r.MerchantId.IsOneOf(merchantIds.ToArray())
                && ((r.RedeemedOn >= from && r.RedeemedOn < to) || (r.Reversal != null && r.Reversal.ReversedOn >= from && r.Reversal.ReversedOn < to)))
            .ToListAsync(ct);
        var households = await session.LoadManyAsync<Household>(ct, redemptions.Select(r => r.HouseholdId).Distinct());
        return (redemptions, households.ToDictionary(h => h.Id));
    }
}
