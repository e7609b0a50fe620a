using System.Collections.Immutable;
using PointsLedger.Ledger;

namespace PointsLedger.Merchants;

public enum MerchantKind { Supermarket, Pharmacy, Bank, Restaurant, Telecom, Hospital, Service }

public static class MerchantKinds
{
    /// <summary>What a township's sheet calls the kind.</summary>
    public static string Label(this MerchantKind kind) => kind switch
    {
        MerchantKind.Supermarket => "积分超市",
        MerchantKind.Pharmacy => "药店",
        MerchantKind.Bank => "银行",
        MerchantKind.Restaurant => "餐饮",
        MerchantKind.Telecom => "通信",
        MerchantKind.Hospital => "医院",
        MerchantKind.Service => "服务",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>A partner who takes points. No villages listed: it serves every village of its township.</summary>
public sealed record MerchantRegistered(
    Guid MerchantId, string Name, MerchantKind Kind, string Township, ImmutableList<Guid> VillageIds, string RegisteredBy);

/// <summary>"100 分抵 10 元药费，每户每月一次": no accepted colours listed means every colour.</summary>
public sealed record OfferAdded(
    Guid OfferId, string Title, int Points, decimal CashValue, ImmutableList<PointColor> AcceptedColors,
    DateOnly? ValidFrom, DateOnly? ValidTo, int? MonthlyLimitPerHousehold, string AddedBy);

public sealed record GoodsListed(string Sku, string Name, int Points, decimal CashValue, int Stock, string ListedBy);

/// <summary>What the township pays for one item, set by an admin; goods a clerk lists are worth nothing until then.</summary>
public sealed record GoodsCashValueSet(string Sku, decimal CashValue, string SetBy);

public sealed record GoodsRestocked(string Sku, int Quantity, string RestockedBy, string? Note);

/// <summary>盘点: the shelf holds <see cref="Counted"/>; the difference to the books is recorded with it.</summary>
public sealed record StockCounted(string Sku, int Counted, int Difference, string CountedBy, string? Note);

public sealed record StockMovement(string Sku, int Quantity);

public sealed record GoodsIssued(Guid RedemptionId, ImmutableList<StockMovement> Items);

public sealed record GoodsReturned(Guid RedemptionId, ImmutableList<StockMovement> Items);

public sealed record Offer(
    Guid Id, string Title, int Points, decimal CashValue, ImmutableList<PointColor> AcceptedColors,
    DateOnly? ValidFrom, DateOnly? ValidTo, int? MonthlyLimitPerHousehold)
{
    public bool Accepts(PointColor color) => AcceptedColors.IsEmpty || AcceptedColors.Contains(color);

    public bool IsValidOn(DateOnly day) => (ValidFrom is null || day >= ValidFrom) && (ValidTo is null || day <= ValidTo);
}

/// <summary>Goods of a points supermarket (五色超市), paid with points of any colour.</summary>
public sealed record Goods(string Sku, string Name, int Points, decimal CashValue, int Stock);

/// <summary>A merchant's stream: who it serves, its offers, and the stock of its goods.</summary>
public sealed record Merchant(
    Guid Id, string Name, MerchantKind Kind, string Township, ImmutableList<Guid> VillageIds,
    ImmutableDictionary<Guid, Offer> Offers, ImmutableDictionary<string, Goods> Goods)
{
    public bool Serves(Guid villageId, string township) =>
        township == Township && (VillageIds.IsEmpty || VillageIds.Contains(villageId));

    public static Merchant Create(MerchantRegistered e) => new(
        e.MerchantId, e.Name, e.Kind, e.Township, e.VillageIds, ImmutableDictionary<Guid, Offer>.Empty, ImmutableDictionary<string, Goods>.Empty);

    public Merchant Apply(OfferAdded e) => this with
    {
        Offers = Offers.Add(e.OfferId, new Offer(e.OfferId, e.Title, e.Points, e.CashValue, e.AcceptedColors, e.ValidFrom, e.ValidTo, e.MonthlyLimitPerHousehold)),
    };

    public Merchant Apply(GoodsListed e) => this with { Goods = Goods.Add(e.Sku, new Goods(e.Sku, e.Name, e.Points, e.CashValue, e.Stock)) };

    public Merchant Apply(GoodsCashValueSet e) => this with { Goods = Goods.SetItem(e.Sku, Goods[e.Sku] with { CashValue = e.CashValue }) };

    public Merchant Apply(GoodsRestocked e) => Move(e.Sku, e.Quantity);

    public Merchant Apply(StockCounted e) => Move(e.Sku, e.Difference);

    public Merchant Apply(GoodsIssued e) => e.Items.Aggregate(this, (merchant, item) => merchant.Move(item.Sku, -item.Quantity));

    public Merchant Apply(GoodsReturned e) => e.Items.Aggregate(this, (merchant, item) => merchant.Move(item.Sku, item.Quantity));

    private Merchant Move(string sku, int quantity) =>
        this with { Goods = Goods.SetItem(sku, Goods[sku] with { Stock = Goods[sku].Stock + quantity }) };
}
