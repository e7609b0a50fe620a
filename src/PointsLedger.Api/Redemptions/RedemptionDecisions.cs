using System.Collections.Immutable;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Ledger;
using PointsLedger.Merchants;
using PointsLedger.Problems;

namespace PointsLedger.Redemptions;

/// <summary>What the clerk asks for: an offer or goods (by SKU), and how many.</summary>
public sealed record RedeemLine(Guid? OfferId, string? Sku, int Quantity);

/// <summary>
/// Pure decisions over a household's account and a merchant. Endpoints run them holding the
/// household stream's lock (and the merchant's, when goods leave its stock), so racing clerks can
/// neither overspend nor sell the last item twice.
/// </summary>
/// <summary>
/// A redemption as the decision takes it: what the clerk asks for, the new receipt, how the household was
/// identified, by whom and on which day. <see cref="ExpiredBefore"/>: grants before this day have expired,
/// swept yet or not, and pay for nothing.
/// </summary>
public sealed record RedemptionRequest(
    IReadOnlyList<RedeemLine> Lines, Guid RedemptionId, string ReceiptNo, IdentifiedBy IdentifiedBy, Actor Clerk, DateOnly Today, DateOnly ExpiredBefore);

public static class RedemptionDecisions
{
    public static (PointsRedeemed Redeemed, GoodsIssued? Issued) Redeem(Household household, string township, Merchant merchant, RedemptionRequest request)
    {
        var (lines, redemptionId, receiptNo, identifiedBy, actor, today, expiredBefore) = request;
        MustServe(merchant, household, township);
        var priced = lines.Select(line => Price(merchant, line, today)).ToList();
        CheckLimits(household, merchant, priced, today);
        CheckStock(merchant, priced);

        // Items that accept fewer colours draw first, so an item that takes any colour cannot use up
        // the only points another item accepts.
        var lots = household.Lots;
        var changes = new List<LotChange>();
        foreach (var (item, accepts) in priced.OrderBy(p => p.Accepts.Count))
        {
            var drawn = lots.Draw(item.Points, lot => accepts.Contains(lot.Color) && lot.GrantedOn >= expiredBefore);
            if (-drawn.Sum(c => c.Points) < item.Points)
            {
                throw new Refusal(ProblemCodes.InsufficientPoints, priced.Sum(p => p.Item.Points), household.Spendable(expiredBefore).Total);
            }
            lots = lots.ApplyChanges(drawn);
            changes.AddRange(drawn);
        }

        var items = priced.Select(p => p.Item).ToImmutableList();
        var redeemed = new PointsRedeemed(redemptionId, merchant.Id, receiptNo, items, items.Sum(i => i.Points), items.Sum(i => i.CashValue),
            today, identifiedBy, actor.Id, Merge(changes));
        var goods = items.Where(i => i.Sku is not null).Select(i => new StockMovement(i.Sku!, i.Quantity)).ToImmutableList();
        return (redeemed, goods.IsEmpty ? null : new GoodsIssued(redemptionId, goods));
    }

    /// <summary>
    /// Gives back the same points to the same lots, except lots that have expired or whose award was
    /// revoked since, and the goods to stock, within <paramref name="reversalDays"/> days of the redemption.
    /// </summary>
    public static (RedemptionReversed Reversed, GoodsReturned? Returned) Reverse(
        Household household, RedemptionRecord redemption, string reason, Actor actor, DateOnly today, int reversalDays, DateOnly expiredBefore)
    {
        if (redemption.Reversal is not null) throw new Refusal(ProblemCodes.RedemptionAlreadyReversed, redemption.ReceiptNo);
        if (today > redemption.RedeemedOn.AddDays(reversalDays)) throw new Refusal(ProblemCodes.ReversalWindowPassed, reversalDays);

        var changes = redemption.Changes
            .Where(change => household.Lots.Find(lot => lot.AwardId == change.AwardId) is { } lot && lot.CanTakeBack(expiredBefore))
            .Select(change => change with { Points = -change.Points })
            .ToImmutableList();
        var reversed = new RedemptionReversed(redemption.Id, redemption.MerchantId, redemption.ReceiptNo, redemption.Items, redemption.Points,
            redemption.CashValue, redemption.RedeemedOn, today, actor.Id, reason, changes);
        var goods = redemption.Items.Where(i => i.Sku is not null).Select(i => new StockMovement(i.Sku!, i.Quantity)).ToImmutableList();
        return (reversed, goods.IsEmpty ? null : new GoodsReturned(redemption.Id, goods));
    }

    /// <summary>
    /// Checks the last six characters of the ID number of the head or a member against the card. Returns the failure to
    /// record, or null when they match; a card with five failures today is refused outright.
    /// </summary>
    public static CardCheckFailed? CheckCard(Household household, string presentedCheck, Actor actor, DateOnly today)
    {
        if (household.IsCardLocked(today)) throw new Refusal(ProblemCodes.CardLocked);
        return household.CardOpensWith(presentedCheck) ? null : new CardCheckFailed(today, actor.Id);
    }

    public static void MustServe(Merchant merchant, Household household, string township)
    {
        if (!merchant.Serves(household.VillageId, township)) throw new Refusal(ProblemCodes.VillageNotServed, merchant.Name);
    }

    private static (RedeemedItem Item, IReadOnlySet<PointColor> Accepts) Price(Merchant merchant, RedeemLine line, DateOnly today)
    {
        if (line.OfferId is { } offerId)
        {
            var offer = merchant.Offers.GetValueOrDefault(offerId) ?? throw new Refusal(ProblemCodes.UnknownOffer, offerId);
            if (!offer.IsValidOn(today)) throw new Refusal(ProblemCodes.OfferNotValid, offer.Title);
            return (new RedeemedItem(offer.Id, null, offer.Title, line.Quantity, offer.Points, offer.CashValue),
                Enum.GetValues<PointColor>().Where(offer.Accepts).ToHashSet());
        }
        var goods = merchant.Goods.GetValueOrDefault(line.Sku!) ?? throw new Refusal(ProblemCodes.UnknownSku, line.Sku!);
        return (new RedeemedItem(null, goods.Sku, goods.Name, line.Quantity, goods.Points, goods.CashValue), Enum.GetValues<PointColor>().ToHashSet());
    }

    private static void CheckLimits(Household household, Merchant merchant, IEnumerable<(RedeemedItem Item, IReadOnlySet<PointColor> Accepts)> priced, DateOnly today)
    {
        foreach (var byOffer in priced.Where(p => p.Item.OfferId is not null).GroupBy(p => p.Item.OfferId!.Value))
        {
            var offer = merchant.Offers[byOffer.Key];
            if (offer.MonthlyLimitPerHousehold is not { } limit) continue;
            var used = household.RedemptionsThisMonth(offer.Id, today);
            if (used + byOffer.Sum(p => p.Item.Quantity) > limit) throw new Refusal(ProblemCodes.LimitReached, offer.Title, used, limit);
        }
    }

    private static void CheckStock(Merchant merchant, IEnumerable<(RedeemedItem Item, IReadOnlySet<PointColor> Accepts)> priced)
    {
        foreach (var bySku in priced.Where(p => p.Item.Sku is not null).GroupBy(p => p.Item.Sku!))
        {
            var goods = merchant.Goods[bySku.Key];
            if (bySku.Sum(p => p.Item.Quantity) > goods.Stock) throw new Refusal(ProblemCodes.OutOfStock, goods.Name, goods.Stock);
        }
    }

    /// <summary>One change per lot, in the order the lots were first drawn.</summary>
    private static ImmutableList<LotChange> Merge(IEnumerable<LotChange> changes) =>
        changes.GroupBy(c => c.AwardId).Select(g => new LotChange(g.Key, g.Sum(c => c.Points))).ToImmutableList();
}
