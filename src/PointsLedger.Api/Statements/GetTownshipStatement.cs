using Marten;
using Microsoft.AspNetCore.Mvc;
using PointsLedger.Auth;
using PointsLedger.Exports;
using PointsLedger.Merchants;
using Wolverine.Http;

namespace PointsLedger.Statements;

public static class GetTownshipStatementEndpoint
{
    /// <summary>
    /// 街道商户结算汇总 across merchants: <c>2026-10</c>, <c>.csv</c> or <c>.xlsx</c>. A township-limited
    /// account sees its township; others may pick one with <c>?township=</c> or see all.
    /// </summary>
    [WolverineGet("/api/statements/{month}"), Tags("Statements"), ProducesResponseType<TownshipStatement>(200, "application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public static async Task<IResult> Get(string month, string? township, Actor actor, IQuerySession session, CancellationToken ct)
    {
        var request = MonthRequest.Parse(month);
        actor.MustBe(Roles.Admin, Roles.Auditor);
        if (township is not null) actor.MustActInTownship(township);
        var scope = township ?? actor.Township;

        var merchants = await session.Query<Merchant>().Where(m => scope == null || m.Township == scope).ToListAsync(ct);
        var (redemptions, households) = await RedemptionsInPeriod.LoadAsync(session, merchants.Select(m => m.Id).ToList(), request.FirstDay, request.NextMonth, ct);
        return request.Format.Answer(TownshipStatement.From(scope, request, merchants, redemptions, households), s => s.ToTable());
    }
}
