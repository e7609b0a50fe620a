using Marten;
using Microsoft.AspNetCore.Mvc;
using PointsLedger.Auth;
using PointsLedger.Exports;
using PointsLedger.Merchants;
using Wolverine.Http;

namespace PointsLedger.Statements;

public static class GetMerchantStatementEndpoint
{
    /// <summary>商户月结单 for settlement: <c>2026-10</c> (JSON), <c>2026-10.csv</c> or <c>2026-10.xlsx</c>.</summary>
    [WolverineGet("/api/merchants/{merchantId}/statements/{month}"), Tags("Statements"), ProducesResponseType<MerchantStatement>(200, "application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public static async Task<IResult> Get(Guid merchantId, string month, Actor actor, IQuerySession session, CancellationToken ct)
    {
        var request = MonthRequest.Parse(month);
        var merchant = await session.LoadMerchantForAsync(merchantId, actor, ct);
        var (redemptions, households) = await RedemptionsInPeriod.LoadAsync(session, [merchant.Id], request.FirstDay, request.NextMonth, ct);
        return request.Format.Answer(MerchantStatement.From(merchant, request, redemptions, households), s => s.ToTable());
    }
}
