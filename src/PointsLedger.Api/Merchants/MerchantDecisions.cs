using System.Collections.Immutable;
using PointsLedger.Auth;
using PointsLedger.Problems;

namespace PointsLedger.Merchants;

/// <summary>What may change a merchant's goods and offers: its clerks list and stock goods, only admins say what the township pays.</summary>
public static class MerchantDecisions
{
    public static GoodsListed ListGoods(Merchant merchant, AddGoods command, Actor actor, CashValueCeiling ceiling)
    {
        actor.MustBe(Roles.Admin, Roles.Clerk);
        if (command.CashValue is > 0 && actor.Role != Roles.Admin) throw new Refusal(ProblemCodes.CashValueAdminOnly);
        if (merchant.Goods.ContainsKey(command.Sku)) throw new Refusal(ProblemCodes.SkuTaken, command.Sku);
        return new GoodsListed(command.Sku, command.Name, command.Points, ceiling.Check(command.CashValue ?? 0m, command.Points), command.Stock, actor.Id);
    }

    public static GoodsCashValueSet PriceGoods(Merchant merchant, string sku, decimal cashValue, Actor actor, CashValueCeiling ceiling)
    {
        actor.MustBe(Roles.Admin);
        return new GoodsCashValueSet(sku, ceiling.Check(cashValue, GoodsOf(merchant, sku).Points), actor.Id);
    }

    public static GoodsRestocked Restock(Merchant merchant, string sku, RestockGoods command, Actor actor)
    {
        actor.MustBe(Roles.Admin, Roles.Clerk);
        GoodsOf(merchant, sku);
        return new GoodsRestocked(sku, command.Quantity, actor.Id, command.Note);
    }

    public static StockCounted Count(Merchant merchant, string sku, CountStock command, Actor actor)
    {
        actor.MustBe(Roles.Admin, Roles.Clerk);
        return new StockCounted(sku, command.Counted, command.Counted - GoodsOf(merchant, sku).Stock, actor.Id, command.Note);
    }

    public static OfferAdded AddOffer(AddOffer command, Guid offerId, Actor actor, CashValueCeiling ceiling)
    {
        actor.MustBe(Roles.Admin);
        return new OfferAdded(offerId, command.Title, command.Points, ceiling.Check(command.CashValue ?? 0m, command.Points),
            (command.AcceptedColors ?? []).Distinct().ToImmutableList(), command.ValidFrom, command.ValidTo, command.MonthlyLimitPerHousehold, actor.Id);
    }

    private static Goods GoodsOf(Merchant merchant, string sku) => merchant.Goods.GetValueOrDefault(sku) ?? throw new Refusal(ProblemCodes.UnknownSku, sku);
}
