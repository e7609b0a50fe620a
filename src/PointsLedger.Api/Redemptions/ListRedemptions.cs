using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Merchants;
using Wolverine.Http;

namespace PointsLedger.Redemptions;

public static class ListRedemptionsEndpoint
{
    /// <summary>商户某日的兑换（默认今天），最新的在前，冲正的注明：收银员据此冲正、核对。</summary>
    [WolverineGet("/api/merchants/{merchantId}/redemptions"), Tags("Redemptions")]
    public static async Task<IReadOnlyList<Receipt>> Get(Guid merchantId, DateOnly? on, Actor actor, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var merchant = await session.LoadMerchantForAsync(merchantId, actor, ct);
        var day = on ?? clock.Today();
        var redemptions = await session.Query<RedemptionRecord>()
            .Where(r => r.MerchantId == merchant.Id && r.RedeemedOn == day)
            .OrderByDescending(r => r.RedeemedAt)
            .ToListAsync(ct);
        var households = (await session.LoadManyAsync<Household>(ct, redemptions.Select(r => r.HouseholdId).Distinct())).ToDictionary(h => h.Id);
        return redemptions.Select(r => GetRedemptionEndpoint.ReceiptOf(r, merchant, households[r.HouseholdId])).ToList();
    }
}
