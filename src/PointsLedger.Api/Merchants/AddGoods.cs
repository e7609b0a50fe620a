using FluentValidation;
using JasperFx.Events;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Merchants;

/// <summary>A product on the points supermarket's shelf, with its opening stock.</summary>
public sealed record AddGoods(string Sku, string Name, int Points, decimal? CashValue, int Stock)
{
    public sealed class Validator : AbstractValidator<AddGoods>
    {
        public Validator()
        {
            RuleFor(x => x.Sku).NotEmpty().MaximumLength(32).Matches("^[A-Za-z0-9_.-]+$");
            RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Points).InclusiveBetween(1, 100_000);
            RuleFor(x => x.CashValue).Money();
            RuleFor(x => x.Stock).InclusiveBetween(0, 1_000_000);
        }
    }
}

public sealed record GoodsAnswer(Guid MerchantId, string Sku) : CreationResponse($"/api/merchants/{MerchantId}");

public static class AddGoodsEndpoint
{
    /// <summary>
    /// 上架商品（积分超市）。The merchant's clerks or township admins; only an admin sets what the township
    /// pays for it (cashValue, at most Redemptions:MaxYuanPerPoint a point; also later, by its own route).
    /// </summary>
    [WolverinePost("/api/merchants/{merchantId}/goods"), Tags("Merchants")]
    public static GoodsAnswer Post(AddGoods command, Actor actor, [WriteStream] IEventStream<Merchant> stream, CashValueCeiling ceiling)
    {
        stream.AppendOne(MerchantDecisions.ListGoods(actor.MayWrite(stream), command, actor, ceiling));
        return new GoodsAnswer(stream.Id, command.Sku);
    }
}
