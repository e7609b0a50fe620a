using System.Collections.Immutable;
using JasperFx.Events;
using Marten.Events.Projections;
using PointsLedger.Households;
using PointsLedger.Ledger;

namespace PointsLedger.Redemptions;

public sealed record Reversal(DateOnly ReversedOn, DateTimeOffset ReversedAt, string ReversedBy, string Reason, int PointsReturned);

/// <summary>
/// One redemption as receipts and statements show it, projected in the transaction that records it
/// from the household stream's events: found by id or receipt number, listed by merchant and month.
/// </summary>
public sealed record RedemptionRecord(
    Guid Id, Guid HouseholdId, Guid MerchantId, string ReceiptNo, ImmutableList<RedeemedItem> Items, int Points, decimal CashValue,
    DateOnly RedeemedOn, DateTimeOffset RedeemedAt, IdentifiedBy IdentifiedBy, string RedeemedBy, ImmutableList<LotChange> Changes,
    Reversal? Reversal)
{
    public static RedemptionRecord Of(Guid householdId, PointsRedeemed e, DateTimeOffset recordedAt) => new(
        e.RedemptionId, householdId, e.MerchantId, e.ReceiptNo, e.Items, e.Points, e.CashValue, e.RedeemedOn, recordedAt, e.IdentifiedBy,
        e.RedeemedBy, e.Changes, null);
}

public sealed class RedemptionRecordProjection : MultiStreamProjection<RedemptionRecord, Guid>
{
    public RedemptionRecordProjection()
    {
        Identity<PointsRedeemed>(e => e.RedemptionId);
        Identity<RedemptionReversed>(e => e.RedemptionId);
    }

    public static RedemptionRecord Create(IEvent<PointsRedeemed> e) => RedemptionRecord.Of(e.StreamId, e.Data, e.Timestamp);

    public static RedemptionRecord Apply(IEvent<RedemptionReversed> e, RedemptionRecord record) => record with
    {
        Reversal = new Reversal(e.Data.ReversedOn, e.Timestamp, e.Data.ReversedBy, e.Data.Reason, e.Data.Changes.Sum(c => c.Points)),
    };
}
