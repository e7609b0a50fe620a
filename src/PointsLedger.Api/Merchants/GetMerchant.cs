using Marten;
using PointsLedger.Auth;
using Wolverine.Http;

namespace PointsLedger.Merchants;

public static class GetMerchantEndpoint
{
    /// <summary>The merchant with its offers and the stock of its goods.</summary>
    [WolverineGet("/api/merchants/{merchantId}"), Tags("Merchants")]
    public static Task<Merchant> Get(Guid merchantId, Actor actor, IQuerySession session, CancellationToken ct) =>
        session.LoadMerchantForAsync(merchantId, actor, ct);
}
