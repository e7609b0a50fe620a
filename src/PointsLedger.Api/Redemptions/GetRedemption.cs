using System.Collections.Immutable;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using Wolverine.Http;

namespace PointsLedger.Redemptions;

/// <summary>A receipt as printed again: no ID data, the name masked.</summary>
public sealed record Receipt(
    Guid RedemptionId, string ReceiptNo, Guid MerchantId, string MerchantName, Guid HouseholdId, string HouseholdNo, string Name,
    ImmutableList<RedeemedItem> Items, int Points, decimal CashValue, DateTimeOffset RedeemedAt, IdentifiedBy IdentifiedBy, string RedeemedBy,
    Reversal? Reversal);

public static class GetRedemptionEndpoint
{
    /// <summary>兑换小票：the redemption and, if reversed, its reversal.</summary>
    [WolverineGet("/api/redemptions/{redemptionId}"), Tags("Redemptions")]
    public static async Task<Receipt> Get(Guid redemptionId, Actor actor, IQuerySession session, CancellationToken ct)
    {
        var (r, merchant) = await session.LoadRedemptionForAsync(redemptionId, actor, ct);
        return ReceiptOf(r, merchant, (await session.LoadAsync<Household>(r.HouseholdId, ct))!);
    }

    public static Receipt ReceiptOf(RedemptionRecord r, Merchants.Merchant merchant, Household household) =>
        new(r.Id, r.ReceiptNo, merchant.Id, merchant.Name, household.Id, household.HouseholdNo, PersonName.Mask(household.HeadName),
            r.Items, r.Points, r.CashValue, r.RedeemedAt, r.IdentifiedBy, r.RedeemedBy, r.Reversal);
}
