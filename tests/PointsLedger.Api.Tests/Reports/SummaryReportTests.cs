using PointsLedger.Http;
using System.Net;
using System.Text;
using PointsLedger.Api.Tests.Notices;
using PointsLedger.Api.Tests.Redemptions;
using PointsLedger.Auth;

namespace PointsLedger.Api.Tests.Reports;

[Collection(LedgerCollection.Name)]
public sealed class SummaryReportTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);
    private readonly LastMonth _last = new(app);

    [Fact]
    public async Task The_summary_reconciles_with_the_ledgers_and_the_statements_and_flags_concentrated_awards()
    {
        var township = $"街道{Guid.NewGuid():N}"[..12];
        var east = await _api.NewVillage(township);
        var west = await _api.NewVillage(township);
        var help = await _api.NewRule(east, "orange", 5);
        var clean = await _api.NewRule(west, "green", 3);
        var eastHouseholds = new List<Guid>();
        for (var i = 0; i < 6; i++) eastHouseholds.Add(await _api.NewHousehold(east));
        var westHouseholds = new List<Guid>();
        for (var i = 0; i < 4; i++) westHouseholds.Add(await _api.NewHousehold(west));
        var favouring = _api.Token(Roles.Cadre, east.Id, userId: "cadre-favouring");
        for (var i = 0; i < 10; i++) (await _api.Award(east, eastHouseholds[i % 2], help, _last.Day(i + 1), favouring)).ShouldBe(HttpStatusCode.Created);
        var spread = _api.Token(Roles.Cadre, west.Id, userId: "cadre-spreading");
        foreach (var household in westHouseholds.Take(3)) (await _api.Award(west, household, clean, _api.Today(), spread)).ShouldBe(HttpStatusCode.Created);
        var revoked = (await _api.Award(west, westHouseholds[3], clean, _api.Today(), spread)).Guid("awardId");
        (await _api.Post($"/api/awards/{revoked}/revoke", new { reason = "记错户" }, west.Approver)).ShouldBe(HttpStatusCode.OK);
        var shop = await _api.NewShop(east);
        var offer = await _api.NewOffer(shop, 8, cashValue: 2.50m);
        (await _api.Redeem(_api.Admin, new { merchantId = shop.Id, offerId = offer, householdId = eastHouseholds[0] })).ShouldBe(HttpStatusCode.Created);
        var period = $"from={_last.Text}&to={app.Clock.Today():yyyy-MM}&township={Uri.EscapeDataString(township)}";

        await _api.ProjectionsCaughtUpAsync();
        var report = (await _api.Get($"/api/reports/summary?{period}", _api.Admin)).ShouldBe(HttpStatusCode.OK).Json;

        var granted = report["granted"]!.AsArray();
        Assert.Equal(50, granted.Where(g => (string?)g!["month"] == _last.Text).Sum(g => (int)g!["earned"]!["orange"]!));
        Assert.Equal(9, granted.Where(g => (string?)g!["month"] != _last.Text).Sum(g => (int)g!["earned"]!["total"]!));
        Assert.Equal(50 + 9, granted.Sum(g => (int)g!["earned"]!["total"]!));
        var redeemed = report["redeemed"]!.AsArray().Single()!;
        Assert.Equal((8, 2.50m, 1), ((int)redeemed["points"]!, (decimal)redeemed["cashValue"]!, (int)redeemed["redemptions"]!));
        Assert.Equal((5, 10), ((int)report["overall"]!["participating"]!, (int)report["overall"]!["households"]!));
        Assert.Equal(help, (string?)report["topRules"]![0]!["ruleCode"]);
        var assessors = report["assessors"]!.AsArray();
        Assert.Equal(1.0m, (decimal)assessors.Single(a => (string?)a!["assessor"] == "cadre-favouring")!["topFiveShare"]!);
        Assert.Equal(3, (int)assessors.Single(a => (string?)a!["assessor"] == "cadre-spreading")!["awards"]!);

        var csv = await _api.Get($"/api/reports/summary?{period}&format=csv", _api.Token("auditor", township: township));
        var page = await _api.Get($"/api/reports/summary?{period}&format=html", _api.Admin);
        Assert.Contains("参与率", csv.Body);
        Assert.Contains("<svg", page.Body);
        Assert.Contains("需关注", page.Body);
        (await _api.Get($"/api/reports/summary?{period}&format=xlsx", _api.Admin)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_summary_is_for_township_roles_within_their_township()
    {
        var village = await _api.NewVillage();

        (await _api.Get("/api/reports/summary?township=刁镇街道", _api.Token("auditor", township: "明水街道"))).ShouldBeProblem(HttpStatusCode.Forbidden, "out-of-scope");
        (await _api.Get("/api/reports/summary", village.Cadre)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await _api.Get("/api/reports/summary?from=2026-10&to=2026-01", _api.Admin)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "invalid-period");
    }
}
