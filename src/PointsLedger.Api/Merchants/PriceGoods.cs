using FluentValidation;
using Marten;
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

public sealed record GoodsPriced(Guid MerchantId, string Sku, decimal CashValue);

public static class PriceGoodsEndpoint
{
    /// <summary>商品结算价: set by an admin of the merchant's township only, at most Redemptions:MaxYuanPerPoint a point.</summary>
    [WolverinePost("/api/merchants/{merchantId}/goods/{sku}/cash-value"), Tags("Merchants")]
    public static async Task<GoodsPriced> Post(
        Guid merchantId, string sku, PriceGoods command, Actor actor, IDocumentSession session, CashValueCeiling ceiling, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin);
        var stream = await session.FetchMerchantForWritingAsync(merchantId, actor, ct);
        var goods = stream.Aggregate!.Goods.GetValueOrDefault(sku) ?? throw new Refusal(ProblemCodes.UnknownSku, sku);

        stream.AppendOne(new GoodsCashValueSet(sku, ceiling.Check(command.CashValue, goods.Points), actor.Id));
        return new GoodsPriced(merchantId, sku, command.CashValue);
    }
}
