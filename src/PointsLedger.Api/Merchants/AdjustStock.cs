using FluentValidation;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Merchants;

public sealed record StockLevel(Guid MerchantId, string Sku, int Stock);

public static class StockAccess
{
    /// <summary>Locks the merchant's stock and finds the goods, for its clerks and township admins.</summary>
    public static async Task<(JasperFx.Events.IEventStream<Merchant> Stream, Goods Goods)> FetchGoodsForWritingAsync(
        this IDocumentSession session, Guid merchantId, string sku, Actor actor, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Clerk);
        var stream = await session.FetchMerchantForWritingAsync(merchantId, actor, ct);
        var goods = stream.Aggregate!.Goods.GetValueOrDefault(sku) ?? throw new Refusal(ProblemCodes.UnknownSku, sku);
        return (stream, goods);
    }
}

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
    public static async Task<StockLevel> Post(
        Guid merchantId, string sku, RestockGoods command, Actor actor, IDocumentSession session, CancellationToken ct)
    {
        var (stream, goods) = await session.FetchGoodsForWritingAsync(merchantId, sku, actor, ct);
        stream.AppendOne(new GoodsRestocked(sku, command.Quantity, actor.Id, command.Note));
        return new StockLevel(merchantId, sku, goods.Stock + command.Quantity);
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
    public static async Task<StockLevel> Post(
        Guid merchantId, string sku, CountStock command, Actor actor, IDocumentSession session, CancellationToken ct)
    {
        var (stream, goods) = await session.FetchGoodsForWritingAsync(merchantId, sku, actor, ct);
        stream.AppendOne(new StockCounted(sku, command.Counted, command.Counted - goods.Stock, actor.Id, command.Note));
        return new StockLevel(merchantId, sku, command.Counted);
    }
}
