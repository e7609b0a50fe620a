using System.Collections.Immutable;
using PointsLedger.Auth;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Merchants;

/// <summary>What may change a merchant's goods and offers: its clerks list and stock goods, only admins say what the township pays.</summary>
public static class MerchantDecisions
{
    /// <summary>A merchant serves villages of one township: the one named, the admin's own, or its villages'.</summary>
    public static MerchantRegistered Register(RegisterMerchant command, IReadOnlyList<Village> villages, Guid merchantId, Actor actor)
    {
        actor.MustBe(Roles.Admin);
        var villageIds = command.VillageIds ?? [];
        if (villageIds.FirstOrDefault(id => villages.All(v => v.Id != id)) is var missing && missing != Guid.Empty)
        {
            throw new Refusal(ProblemCodes.VillageNotFound, missing);
        }
        var township = command.Township ?? actor.Township ?? villages.FirstOrDefault()?.Township ?? throw new Refusal(ProblemCodes.TownshipRequired);
        actor.MustActInTownship(township);
        if (villages.FirstOrDefault(v => v.Township != township) is { } outside) throw new Refusal(ProblemCodes.VillageOutsideTownship, outside.Name, township);
        return new MerchantRegistered(merchantId, command.Name, command.Kind!.Value, township, villageIds, actor.Id);
    }

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
