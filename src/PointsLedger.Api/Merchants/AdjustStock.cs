using PointsLedger.Http;
using FluentValidation;
using JasperFx.Events;
using PointsLedger.Auth;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Merchants;

public sealed record StockLevel(Guid MerchantId, string Sku, int Stock);

public sealed record RestockGoods(int Quantity, string? Note)
{
    public sealed class Validator : AbstractValidator<RestockGoods>
    {
        public Validator()
        {
            RuleFor(x => x.Quantity).InclusiveBetween(1, 1_000_000);
            RuleFor(x => x.Note).MaximumLength(200);
        }
    }
}

public static class RestockGoodsEndpoint
{
    /// <summary>进货入库. Send an Idempotency-Key: a retry does not add the stock twice.</summary>
    [WolverinePost("/api/merchants/{merchantId}/goods/{sku}/restock"), Tags("Merchants")]
    public static StockLevel Post(string sku, RestockGoods command, Actor actor, [WriteStream] IEventStream<Merchant> stream)
    {
        var merchant = actor.MayWrite(stream);
        stream.AppendOne(MerchantDecisions.Restock(merchant, sku, command, actor));
        return new StockLevel(stream.Id, sku, merchant.Goods[sku].Stock + command.Quantity);
    }
}

public sealed record CountStock(int Counted, string? Note)
{
    public sealed class Validator : AbstractValidator<CountStock>
    {
        public Validator()
        {
            RuleFor(x => x.Counted).InclusiveBetween(0, 1_000_000);
            RuleFor(x => x.Note).MaximumLength(200);
        }
    }
}

public static class CountStockEndpoint
{
    /// <summary>盘点: sets the stock to what is on the shelf and records the difference.</summary>
    [WolverinePost("/api/merchants/{merchantId}/goods/{sku}/count"), Tags("Merchants")]
    public static StockLevel Post(string sku, CountStock command, Actor actor, [WriteStream] IEventStream<Merchant> stream)
    {
        stream.AppendOne(MerchantDecisions.Count(actor.MayWrite(stream), sku, command, actor));
        return new StockLevel(stream.Id, sku, command.Counted);
    }
}
