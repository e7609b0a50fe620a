using PointsLedger.Auth;
using PointsLedger.Merchants;
using PointsLedger.Problems;

namespace PointsLedger.Tests.Merchants;

public sealed class MerchantDecisionTests
{
    private static readonly Guid MerchantId = Guid.NewGuid();
    private static readonly Actor Clerk = new("clerk-1", Roles.Clerk, MerchantId: MerchantId);
    private static readonly Actor Admin = new("admin-1", Roles.Admin);
    private static readonly CashValueCeiling Ceiling = new(1.00m);

    private static readonly Merchant Shop =
        Merchant.Create(new MerchantRegistered(MerchantId, "五色超市", MerchantKind.Supermarket, "刁镇街道", [], "admin"))
            .Apply(new GoodsListed("OIL", "香油", 10, 5m, 3, "clerk-1"));

    private static ProblemCode RefusalOf(Action decide) => Assert.Throws<Refusal>(decide).Problem;

    [Fact]
    public void A_clerk_lists_goods_worth_nothing_to_the_township_until_an_admin_prices_them()
    {
        var listed = MerchantDecisions.ListGoods(Shop, new AddGoods("RICE", "大米", 20, null, 10), Clerk, Ceiling);

        Assert.Equal(0m, listed.CashValue);
        Assert.Equal(ProblemCodes.CashValueAdminOnly, RefusalOf(() => MerchantDecisions.ListGoods(Shop, new AddGoods("RICE", "大米", 20, 5m, 10), Clerk, Ceiling)));
        Assert.Equal(ProblemCodes.Forbidden, RefusalOf(() => MerchantDecisions.PriceGoods(Shop, "OIL", 5m, Clerk, Ceiling)));
        Assert.Equal(8m, MerchantDecisions.PriceGoods(Shop, "OIL", 8m, Admin, Ceiling).CashValue);
    }

    [Fact]
    public void A_sku_is_listed_once_and_only_listed_goods_are_priced_restocked_or_counted()
    {
        Assert.Equal(ProblemCodes.SkuTaken, RefusalOf(() => MerchantDecisions.ListGoods(Shop, new AddGoods("OIL", "香油", 10, null, 1), Clerk, Ceiling)));
        Assert.Equal(ProblemCodes.UnknownSku, RefusalOf(() => MerchantDecisions.PriceGoods(Shop, "SALT", 1m, Admin, Ceiling)));
        Assert.Equal(ProblemCodes.UnknownSku, RefusalOf(() => MerchantDecisions.Restock(Shop, "SALT", new RestockGoods(5, null), Clerk)));
        Assert.Equal(ProblemCodes.UnknownSku, RefusalOf(() => MerchantDecisions.Count(Shop, "SALT", new CountStock(5, null), Clerk)));
    }

    [Fact]
    public void A_count_records_the_difference_to_the_books_and_nothing_is_worth_more_than_the_ceiling()
    {
        var counted = MerchantDecisions.Count(Shop, "OIL", new CountStock(1, "破损"), Clerk);

        Assert.Equal(-2, counted.Difference);
        Assert.Equal(ProblemCodes.CashValueAboveCeiling, RefusalOf(() => MerchantDecisions.PriceGoods(Shop, "OIL", 10.01m, Admin, Ceiling)));
        Assert.Equal(ProblemCodes.CashValueAboveCeiling,
            RefusalOf(() => MerchantDecisions.AddOffer(new AddOffer("1 分抵 2 元", 1, 2m, null, null, null, null), Guid.NewGuid(), Admin, Ceiling)));
    }
}
