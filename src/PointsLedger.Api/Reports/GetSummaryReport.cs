using Microsoft.AspNetCore.Http.HttpResults;
using Marten;
using Microsoft.AspNetCore.Mvc;
using PointsLedger.Auth;
using PointsLedger.Exports;
using PointsLedger.Http;
using PointsLedger.Ledger;
using PointsLedger.Merchants;
using PointsLedger.Households;
using PointsLedger.Problems;
using PointsLedger.Staff;
using PointsLedger.Statements;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Reports;

public static class GetSummaryReportEndpoint
{
    /// <summary>
    /// 街道汇总报表, <c>?from=2026-01&amp;to=2026-10</c> (this year through this month when left out), in
    /// the caller's township or <c>?township=</c>; <c>?format=csv</c>, <c>xlsx</c> or <c>html</c> (a page
    /// with charts). Admins and auditors.
    /// </summary>
    [WolverineGet("/api/reports/summary"), Tags("Reports"), ProducesResponseType<SummaryReport>(200, "application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/html")]
    public static async Task<IResult> Get(
        string? from, string? to, string? township, string? format, Actor actor, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Auditor);
        if (township is not null) actor.MustActInTownship(township);
        var scope = township ?? actor.Township;
        var today = clock.Today();
        var first = from is null ? new DateOnly(today.Year, 1, 1) : MonthRequest.Parse(from).FirstDay;
        var last = to is null ? new DateOnly(today.Year, today.Month, 1) : MonthRequest.Parse(to).FirstDay;
        if (last < first || last > first.AddYears(3)) throw new Refusal(ProblemCodes.InvalidPeriod, Months.Of(first), Months.Of(last));
        var answerAs = ExportFormats.Parse(format ?? "");

        var villages = await session.Query<Village>().Where(v => scope == null || v.Township == scope).ToListAsync(ct);
        var ids = villages.Select(v => v.Id).ToArray();
        var months = Enumerable.Range(0, (last.Year - first.Year) * 12 + last.Month - first.Month + 1).Select(i => Months.Of(first.AddMonths(i))).ToList();
        var tallies = await session.LoadManyAsync<VillageMonthTally>(ct, ids.SelectMany(id => months.Select(month => VillageMonthTally.IdOf(id, month))).ToArray());
        var accounts = (await session.Query<Household>().Where(h => h.VillageId.IsOneOf(ids)).Select(h => new { h.Id, h.VillageId, h.Kind }).ToListAsync(ct))
            .Select(a => (a.Id, a.VillageId, a.Kind)).ToList();
        var merchants = await session.Query<Merchant>().Where(m => scope == null || m.Township == scope).ToListAsync(ct);
        var (redemptions, redeemers) = await RedemptionsInPeriod.LoadAsync(session, merchants.Select(m => m.Id).ToList(), first, last.AddMonths(1), ct);

        var report = SummaryReport.Build(scope, first, last, villages, accounts, tallies, merchants, redemptions, redeemers);
        var names = await ActorNames.OfAsync(session, report.Assessors.Select(a => a.Assessor), ct);
        report = report with { Assessors = [.. report.Assessors.Select(a => a with { AssessorName = names.For(a.Assessor) })] };
        return answerAs.Answer(report, r => r.ToTable(), html: r => new RazorComponentResult<SummaryPage>(new { Report = r }), workbook: r => r.ToWorkbook());
    }
}
