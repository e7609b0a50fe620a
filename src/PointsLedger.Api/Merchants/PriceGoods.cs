using FluentValidation;
using JasperFx.Events;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Merchants;

/// <summary>What the township pays the merchant for one item of the goods, in yuan.</summary>
public sealed record PriceGoods(decimal CashValue)
{
    public sealed class Validator : AbstractValidator<PriceGoods>
    {
        public Validator() => RuleFor(x => (decimal?)x.CashValue).Money().OverridePropertyName("cashValue");
    }
}

public sealed record GoodsPriceAnswer(Guid MerchantId, string Sku, decimal CashValue);

public static class PriceGoodsEndpoint
{
    /// <summary>商品结算价: set by an admin of the merchant's township only, at most Redemptions:MaxYuanPerPoint a point.</summary>
    [WolverinePost("/api/merchants/{merchantId}/goods/{sku}/cash-value"), Tags("Merchants")]
    public static GoodsPriceAnswer Post(string sku, PriceGoods command, Actor actor, [WriteStream] IEventStream<Merchant> stream, CashValueCeiling ceiling)
    {
        stream.AppendOne(MerchantDecisions.PriceGoods(actor.MayWrite(stream), sku, command.CashValue, actor, ceiling));
        return new GoodsPriceAnswer(stream.Id, sku, command.CashValue);
    }
}
