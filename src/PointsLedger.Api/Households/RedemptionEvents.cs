using System.Collections.Immutable;
using PointsLedger.Ledger;

namespace PointsLedger.Households;

/// <summary>One line of a receipt: an offer or goods, how many, and at what price each.</summary>
public sealed record RedeemedItem(Guid? OfferId, string? Sku, string Title, int Quantity, int UnitPoints, decimal UnitCashValue)
{
    public int Points => Quantity * UnitPoints;

    public decimal CashValue => Quantity * UnitCashValue;

    /// <summary>"洗衣粉×2；药费抵扣×1", as receipts and statements print it.</summary>
    public static string Describe(IEnumerable<RedeemedItem> items) => string.Join("；", items.Select(i => $"{i.Title}×{i.Quantity}"));
}

public enum IdentifiedBy { QrToken, Card, Household, IdNumber }

/// <summary>
/// 兑换: points spent at a merchant, drawn from the lots nearest expiry within the colours each item
/// accepts. Earned points are untouched.
/// </summary>
public sealed record PointsRedeemed(
    Guid RedemptionId, Guid MerchantId, string ReceiptNo, ImmutableList<RedeemedItem> Items, int Points, decimal CashValue,
    DateOnly RedeemedOn, IdentifiedBy IdentifiedBy, string RedeemedBy, ImmutableList<LotChange> Changes);

/// <summary>
/// A mistaken redemption undone: the points go back to the lots they came from (those not expired
/// since), and the goods back to stock. It repeats what it undoes, so that it reads on its own.
/// </summary>
public sealed record RedemptionReversed(
    Guid RedemptionId, Guid MerchantId, string ReceiptNo, ImmutableList<RedeemedItem> Items, int Points, decimal CashValue,
    DateOnly RedeemedOn, DateOnly ReversedOn, string ReversedBy, string Reason, ImmutableList<LotChange> Changes);

/// <summary>A household card shown with wrong ID digits; five on one day lock the card until the next.</summary>
public sealed record CardCheckFailed(DateOnly On, string CheckedBy);
