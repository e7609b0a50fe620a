using System.Collections.Immutable;
using PointsLedger.Auth;
using PointsLedger.Awards;
using PointsLedger.Merchants;
using PointsLedger.Problems;
using PointsLedger.Redemptions;

namespace PointsLedger.Tests.Redemptions;

public sealed class RedemptionDecisionTests
{
    private const string Township = "刁镇街道";
    private static readonly Guid MerchantId = Guid.NewGuid();
    private static readonly Actor Clerk = new("clerk-1", Roles.Clerk, MerchantId: MerchantId);
    private static readonly DateOnly Today = Given.Today;

    private static Merchant Merchant(params object[] events) =>
        events.Aggregate(PointsLedger.Merchants.Merchant.Create(new MerchantRegistered(MerchantId, "五色超市", MerchantKind.Supermarket, Township, [], "admin")),
            (merchant, e) => e switch
            {
                OfferAdded x => merchant.Apply(x),
                GoodsListed x => merchant.Apply(x),
                GoodsIssued x => merchant.Apply(x),
                _ => throw new ArgumentOutOfRangeException(nameof(e), e, null),
            });

    private static OfferAdded Offer(int points, int? limit = null, PointColor[]? colors = null, DateOnly? validTo = null) =>
        new(Guid.NewGuid(), $"优惠{points}", points, 10.00m, [.. colors ?? []], null, validTo, limit, "admin");

    private static GoodsListed Goods(string sku, int points, int stock) => new(sku, $"商品{sku}", points, 5.50m, stock, "admin");

    /// <summary>Grants of 2024 and before have expired on <see cref="Today"/> under the default policy.</summary>
    private static readonly DateOnly ExpiredBefore = new(2025, 1, 1);

    private static (PointsRedeemed Redeemed, GoodsIssued? Issued) Redeem(Household household, Merchant merchant, DateOnly? on = null, params RedeemLine[] lines) =>
        RedeemAsOf(household, merchant, on ?? Today, ExpiredBefore, lines);

    private static (PointsRedeemed Redeemed, GoodsIssued? Issued) RedeemAsOf(Household household, Merchant merchant, DateOnly on, DateOnly expiredBefore, params RedeemLine[] lines) =>
        RedemptionDecisions.Redeem(household, Township, merchant,
            new RedemptionRequest(lines, Guid.NewGuid(), "20261120-TEST0001", IdentifiedBy.QrToken, Clerk, on, expiredBefore));

    private static RedeemLine OfferLine(OfferAdded offer, int quantity = 1) => new(offer.OfferId, null, quantity);

    private static Refusal Refused(Action decide) => Assert.Throws<Refusal>(decide);

    [Fact]
    public void Spending_draws_the_oldest_grant_first_across_colours_and_leaves_earned_alone()
    {
        var oldRed = Given.Awarded(PointColor.Red, 10, new(2025, 3, 1));
        var green = Given.Awarded(PointColor.Green, 10, new(2026, 1, 1));
        var newRed = Given.Awarded(PointColor.Red, 10, new(2026, 5, 1));
        var household = Given.Household(oldRed, green, newRed);
        var offer = Offer(15);

        var (redeemed, issued) = Redeem(household, Merchant(offer), null, OfferLine(offer));

        Assert.Equal([new LotChange(oldRed.AwardId, -10), new LotChange(green.AwardId, -5)], redeemed.Changes);
        Assert.Equal(15, redeemed.Points);
        Assert.Equal(10.00m, redeemed.CashValue);
        Assert.Null(issued);
        var after = Given.Apply(household, redeemed);
        Assert.Equal(household.Earned, after.Earned);
        Assert.Equal(15, after.Available.Total);
    }

    [Fact]
    public void An_offer_that_accepts_one_colour_spends_only_that_colour_even_when_another_is_older()
    {
        var red = Given.Awarded(PointColor.Red, 10, new(2025, 3, 1));
        var green = Given.Awarded(PointColor.Green, 10, new(2026, 1, 1));
        var offer = Offer(5, colors: [PointColor.Green]);

        var (redeemed, _) = Redeem(Given.Household(red, green), Merchant(offer), null, OfferLine(offer));

        Assert.Equal([new LotChange(green.AwardId, -5)], redeemed.Changes);
    }

    [Fact]
    public void Points_of_colours_an_offer_does_not_accept_do_not_pay_for_it()
    {
        var household = Given.Household(Given.Awarded(PointColor.Red, 100, new(2026, 1, 1)), Given.Awarded(PointColor.Green, 3, new(2026, 2, 1)));
        var offer = Offer(5, colors: [PointColor.Green]);

        var refusal = Refused(() => Redeem(household, Merchant(offer), null, OfferLine(offer)));

        Assert.Equal("insufficient-points", refusal.Code);
        Assert.Equal(409, refusal.Status);
    }

    [Fact]
    public void The_item_that_accepts_fewer_colours_draws_first_whatever_the_order_of_the_request()
    {
        var red = Given.Awarded(PointColor.Red, 10, new(2025, 3, 1));
        var green = Given.Awarded(PointColor.Green, 10, new(2026, 1, 1));
        var redOnly = Offer(10, colors: [PointColor.Red]);

        var (redeemed, issued) = Redeem(Given.Household(red, green), Merchant(redOnly, Goods("SOAP", 10, 5)), null,
            new RedeemLine(null, "SOAP", 1), OfferLine(redOnly));

        Assert.Equal([new LotChange(red.AwardId, -10), new LotChange(green.AwardId, -10)], redeemed.Changes);
        Assert.Equal([new StockMovement("SOAP", 1)], issued!.Items);
    }

    [Fact]
    public void A_monthly_limit_allows_up_to_the_limit_and_opens_again_next_month()
    {
        var offer = Offer(1, limit: 2);
        var merchant = Merchant(offer);
        var household = Given.Household(Given.Awarded(PointColor.Orange, 50, new(2026, 1, 1)));
        household = Given.Apply(household, Redeem(household, merchant, null, OfferLine(offer)).Redeemed);
        household = Given.Apply(household, Redeem(household, merchant, null, OfferLine(offer)).Redeemed);

        var third = Refused(() => Redeem(household, merchant, null, OfferLine(offer)));
        var nextMonth = Redeem(household, merchant, new DateOnly(2026, 12, 1), OfferLine(offer)).Redeemed;

        Assert.Equal("limit-reached", third.Code);
        Assert.Equal(2, third.Args[1]);
        Assert.Equal(1, nextMonth.Points);
    }

    [Fact]
    public void Several_of_one_offer_in_one_request_count_towards_its_limit()
    {
        var offer = Offer(1, limit: 2);
        var household = Given.Household(Given.Awarded(PointColor.Orange, 50, new(2026, 1, 1)));

        Assert.Equal("limit-reached", Refused(() => Redeem(household, Merchant(offer), null, OfferLine(offer, 3))).Code);
        Assert.Equal(2, Redeem(household, Merchant(offer), null, OfferLine(offer, 2)).Redeemed.Points);
    }

    [Fact]
    public void Goods_beyond_the_stock_an_invalid_offer_and_a_village_not_served_are_refused()
    {
        var household = Given.Household(Given.Awarded(PointColor.Blue, 500, new(2026, 1, 1)));
        var expired = Offer(1, validTo: Today.AddDays(-1));
        var elsewhere = Merchant() with { VillageIds = [Guid.NewGuid()] };

        Assert.Equal("out-of-stock", Refused(() => Redeem(household, Merchant(Goods("OIL", 10, 2)), null, new RedeemLine(null, "OIL", 3))).Code);
        Assert.Equal("offer-not-valid", Refused(() => Redeem(household, Merchant(expired), null, OfferLine(expired))).Code);
        Assert.Equal("unknown-sku", Refused(() => Redeem(household, Merchant(), null, new RedeemLine(null, "NONE", 1))).Code);
        Assert.Equal("village-not-served", Refused(() => Redeem(household, elsewhere, null, new RedeemLine(null, "NONE", 1))).Code);
    }

    [Fact]
    public void A_reversal_gives_the_same_points_back_to_the_same_lots_and_frees_the_monthly_limit()
    {
        var red = Given.Awarded(PointColor.Red, 10, new(2025, 3, 1));
        var green = Given.Awarded(PointColor.Green, 10, new(2026, 1, 1));
        var offer = Offer(15, limit: 1);
        var before = Given.Household(red, green);
        var (redeemed, _) = Redeem(before, Merchant(offer), null, OfferLine(offer));
        var spent = Given.Apply(before, redeemed);

        var (reversed, returned) = RedemptionDecisions.Reverse(spent, RedemptionRecord.Of(before.Id, redeemed, DateTimeOffset.UtcNow), "扫错了",
            Clerk, Today.AddDays(2), reversalDays: 7, expiredBefore: new DateOnly(2025, 1, 1));
        var after = Given.Apply(spent, reversed);

        Assert.Equal([new LotChange(red.AwardId, 10), new LotChange(green.AwardId, 5)], reversed.Changes);
        Assert.Equal(before.Lots, after.Lots);
        Assert.Equal(0, after.RedemptionsThisMonth(offer.OfferId, Today));
        Assert.Null(returned);
    }

    [Fact]
    public void A_reversal_gives_nothing_back_to_lots_that_have_expired_since()
    {
        var old = Given.Awarded(PointColor.Red, 10, new(2023, 12, 1));
        var recent = Given.Awarded(PointColor.Red, 10, new(2024, 6, 1));
        var offer = Offer(15);
        var before = Given.Household(old, recent);
        var (redeemed, _) = RedeemAsOf(before, Merchant(offer), new DateOnly(2024, 12, 28), new DateOnly(2023, 1, 1), OfferLine(offer));

        // On 2 January 2025 the grants of 2023 have expired.
        var (reversed, _) = RedemptionDecisions.Reverse(Given.Apply(before, redeemed), RedemptionRecord.Of(before.Id, redeemed, DateTimeOffset.UtcNow),
            "扫错了", Clerk, new DateOnly(2025, 1, 2), 7, expiredBefore: new DateOnly(2024, 1, 1));

        Assert.Equal([new LotChange(recent.AwardId, 5)], reversed.Changes);
    }

    [Fact]
    public void A_redemption_is_reversed_once_and_only_within_the_window()
    {
        var offer = Offer(5);
        var household = Given.Household(Given.Awarded(PointColor.Red, 10, new(2026, 1, 1)));
        var (redeemed, _) = Redeem(household, Merchant(offer), null, OfferLine(offer));
        var record = RedemptionRecord.Of(household.Id, redeemed, DateTimeOffset.UtcNow);
        var reversedRecord = record with { Reversal = new Reversal(Today, DateTimeOffset.UtcNow, "clerk-1", "错", 5) };

        Assert.Equal("reversal-window-passed", Refused(() => RedemptionDecisions.Reverse(household, record, "晚了", Clerk, Today.AddDays(8), 7, default)).Code);
        Assert.Equal("redemption-already-reversed", Refused(() => RedemptionDecisions.Reverse(household, reversedRecord, "又", Clerk, Today, 7, default)).Code);
        Assert.Equal(5, RedemptionDecisions.Reverse(household, record, "当天", Clerk, Today.AddDays(7), 7, default).Reversed.Points);
    }

    [Fact]
    public void Five_wrong_card_checks_lock_the_card_for_the_rest_of_the_day()
    {
        var household = Given.Household();
        for (var i = 0; i < CardFailures.Limit; i++)
        {
            var failure = RedemptionDecisions.CheckCard(household, "wrong", Clerk, Today);
            Assert.NotNull(failure);
            household = Given.Apply(household, failure);
        }

        Assert.Equal("card-locked", Refused(() => RedemptionDecisions.CheckCard(household, household.CardCheck, Clerk, Today)).Code);
        Assert.Null(RedemptionDecisions.CheckCard(household, household.CardCheck, Clerk, Today.AddDays(1)));
    }

    [Fact]
    public void The_quote_says_how_many_of_each_offer_and_goods_the_household_can_take_now()
    {
        var limited = Offer(10, limit: 3);
        var greenOnly = Offer(4, colors: [PointColor.Green]);
        var household = Given.Household(Given.Awarded(PointColor.Red, 25, new(2026, 1, 1)), Given.Awarded(PointColor.Green, 9, new(2026, 2, 1)));
        var merchant = Merchant(limited, greenOnly, Goods("SALT", 30, 1));
        household = Given.Apply(household, Redeem(household, merchant, null, OfferLine(limited)).Redeemed);

        var quote = RedemptionQuote.For(household, merchant, IdentifiedBy.Card, null, Today, ExpiredBefore);

        var limitedQuote = quote.Offers.Single(o => o.OfferId == limited.OfferId);
        Assert.Equal((1, 2, 2), (limitedQuote.UsedThisMonth, limitedQuote.LeftThisMonth, limitedQuote.Affordable));
        Assert.Equal(2, quote.Offers.Single(o => o.OfferId == greenOnly.OfferId).Affordable);
        Assert.Equal(0, quote.Goods.Single().Affordable);
        Assert.Equal("张*明", quote.Name);
    }

    [Fact]
    public void Points_past_their_expiry_pay_for_nothing_even_before_the_nightly_sweep_has_run()
    {
        var household = Given.Household(Given.Awarded(PointColor.Red, 50, new(2024, 6, 1)), Given.Awarded(PointColor.Red, 5, new(2026, 2, 1)));
        var offer = Offer(10);

        var refusal = Refused(() => Redeem(household, Merchant(offer), null, OfferLine(offer)));
        var quote = RedemptionQuote.For(household, Merchant(offer), IdentifiedBy.Card, null, Today, ExpiredBefore);

        Assert.Equal("insufficient-points", refusal.Code);
        Assert.Equal(5, quote.Available.Total);
        Assert.Equal(0, quote.Offers.Single().Affordable);
    }

    [Fact]
    public void A_reversal_does_not_refill_the_lot_of_an_award_revoked_since()
    {
        var award = Given.Awarded(PointColor.Red, 100, new(2026, 3, 1));
        var offer = Offer(100);
        var household = Given.Household(award);
        var (redeemed, _) = Redeem(household, Merchant(offer), null, OfferLine(offer));
        var spent = Given.Apply(household, redeemed);
        var revoked = Given.Apply(spent, AwardDecisions.Revoke(spent, Given.Village(), Award.FromHistory([award], award.AwardId), award.AwardId, "错记", Given.Approver, ExpiredBefore));

        var (reversed, _) = RedemptionDecisions.Reverse(revoked, RedemptionRecord.Of(household.Id, redeemed, DateTimeOffset.UtcNow), "退货", Clerk, Today, 7, ExpiredBefore);

        Assert.Empty(reversed.Changes);
        Assert.Equal(0, Given.Apply(revoked, reversed).Available.Total);
    }

    [Fact]
    public void A_members_id_digits_open_the_card_as_the_heads_do()
    {
        var household = Given.Household(new MemberAdded(Guid.NewGuid(), "张小红", "女儿", "370112********5678", "member-hash", "member-check", "cadre-1"));

        Assert.Null(RedemptionDecisions.CheckCard(household, "member-check", Clerk, Today));
        Assert.Null(RedemptionDecisions.CheckCard(household, household.CardCheck, Clerk, Today));
        Assert.NotNull(RedemptionDecisions.CheckCard(household, "stranger-check", Clerk, Today));
    }
}
