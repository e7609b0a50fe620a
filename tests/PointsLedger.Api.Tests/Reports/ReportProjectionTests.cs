using System.Net;
using PointsLedger.Http;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.DependencyInjection;
using PointsLedger.Api.Tests.Notices;
using PointsLedger.Reports;

namespace PointsLedger.Api.Tests.Reports;

/// <summary>The reports' tallies, checked as an auditor would: against the households' own ledgers, and rebuilt from the events.</summary>
[Collection(LedgerCollection.Name)]
public sealed class ReportProjectionTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);
    private readonly LastMonth _last = new(app);

    [Fact]
    public async Task The_reports_points_equal_the_ledgers_and_a_rebuild_from_the_events_gives_the_same_report()
    {
        var township = $"街道{Guid.NewGuid():N}"[..12];
        var village = await _api.NewVillage(township);
        var award = await _api.NewRule(village, "red", 6);
        var deduction = await _api.NewRule(village, "green", -2);
        var checkedRule = await _api.NewRule(village, "blue", 9, requiresApproval: true);
        var households = new List<Guid>();
        for (var i = 0; i < 4; i++) households.Add(await _api.NewHousehold(village));
        await _api.AwardOn(village, households[0], award, _last.Day(2));
        await _api.AwardOn(village, households[1], award, _last.Day(3));
        await _api.AwardOn(village, households[1], deduction, _last.Day(4));
        var approved = await _api.AwardOn(village, households[2], checkedRule, _api.Today());
        (await _api.Post($"/api/awards/{approved}/approve", new { }, village.Approver)).ShouldBe(HttpStatusCode.OK);
        var withdrawn = await _api.AwardOn(village, households[3], award, _api.Today());
        (await _api.Post($"/api/awards/{withdrawn}/revoke", new { reason = "重复录入" }, village.Approver)).ShouldBe(HttpStatusCode.OK);
        await _api.AwardOn(village, households[3], checkedRule, _api.Today());
        var period = $"/api/reports/summary?from={_last.Text}&to={app.Clock.Today():yyyy-MM}&township={Uri.EscapeDataString(township)}";

        await _api.ProjectionsCaughtUpAsync();
        var report = (await _api.Get(period, _api.Admin)).ShouldBe(HttpStatusCode.OK).Json;
        var daemon = app.Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync<ReportProjection>(CancellationToken.None);
        // The rebuild leaves the shard stopped; the running app's daemon takes it up again.
        await daemon.StartAgentAsync("ReportProjection:All", CancellationToken.None);
        await _api.ProjectionsCaughtUpAsync();
        var rebuilt = (await _api.Get(period, _api.Admin)).ShouldBe(HttpStatusCode.OK).Json;

        var fromLedgers = new Dictionary<string, int>();
        foreach (var household in households)
        {
            foreach (var entry in await _api.Ledger(household))
            {
                if ((int)entry!["earned"]! == 0) continue;
                var month = ((string)entry["occurredOn"]!)[..7];
                fromLedgers[month] = fromLedgers.GetValueOrDefault(month) + (int)entry["earned"]!;
            }
        }
        var granted = report["granted"]!.AsArray().ToDictionary(g => (string)g!["month"]!, g => (int)g!["earned"]!["total"]!);
        Assert.Equal(fromLedgers.OrderBy(m => m.Key), granted.OrderBy(m => m.Key));
        Assert.Equal(new Dictionary<string, int> { [_last.Text] = 10, [app.Clock.Today().ToString("yyyy-MM")] = 9 }, granted);
        Assert.Equal((3, 4), ((int)report["overall"]!["participating"]!, (int)report["overall"]!["households"]!));
        Assert.Equal(report.ToJsonString(), rebuilt.ToJsonString());
    }

    [Fact]
    public async Task A_residents_rank_this_year_counts_awards_deductions_and_revocations_among_the_households_still_there()
    {
        var village = await _api.NewVillage();
        var award = await _api.NewRule(village, "red", 6);
        var deduction = await _api.NewRule(village, "green", -2);
        var (first, second, third) = (await _api.NewHousehold(village), await _api.NewHousehold(village), await _api.NewHousehold(village));
        await _api.AwardOn(village, first, award, _api.Today());
        await _api.AwardOn(village, second, award, _api.Today());
        await _api.AwardOn(village, second, deduction, _api.Today());
        var withdrawn = await _api.AwardOn(village, third, award, _api.Today());
        (await _api.Post($"/api/awards/{withdrawn}/revoke", new { reason = "记错户" }, village.Approver)).ShouldBe(HttpStatusCode.OK);
        var leaving = await _api.NewHousehold(village);
        for (var i = 0; i < 3; i++) await _api.AwardOn(village, leaving, award, _api.Today());
        (await _api.Post($"/api/households/{leaving}/move-out", new { reason = "迁往县城", on = _api.Today() }, village.Cadre)).ShouldBe(HttpStatusCode.OK);
        await _api.ProjectionsCaughtUpAsync();

        async Task<(int Rank, int Earned, int Households)> StandingOf(Guid household)
        {
            var standing = (await _api.Get("/api/me/standing", _api.Token("resident", householdId: household))).ShouldBe(HttpStatusCode.OK).Json;
            return ((int)standing["rank"]!, (int)standing["earned"]!, (int)standing["households"]!);
        }

        Assert.Equal((1, 6, 3), await StandingOf(first));
        Assert.Equal((2, 4, 3), await StandingOf(second));
        Assert.Equal((3, 0, 3), await StandingOf(third));
    }
}
