using System.Net;

namespace PointsLedger.Api.Tests.Audit;

[Collection(LedgerCollection.Name)]
public sealed class AuditTrailTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    [Fact]
    public async Task Auditors_see_who_did_what_in_a_village_and_change_nothing()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "red", 5);
        var household = await _api.NewHousehold(village);
        var cadreId = $"cadre-audit-{Guid.NewGuid():N}"[..24];
        var cadre = _api.Token("cadre", village.Id, userId: cadreId);
        (await _api.Award(village, household, rule, token: cadre)).ShouldBe(HttpStatusCode.Created);
        var auditor = _api.Token("auditor");

        var byVillage = (await _api.Get($"/api/audit?villageId={village.Id}", auditor)).ShouldBe(HttpStatusCode.OK).Json["entries"]!.AsArray();
        var byActor = (await _api.Get($"/api/audit?actor={cadreId}", auditor)).ShouldBe(HttpStatusCode.OK).Json["entries"]!.AsArray();

        Assert.Equal(["points_awarded", "household_registered", "rule_adopted", "village_registered"], byVillage.Select(e => (string?)e!["event"]));
        var award = Assert.Single(byActor)!;
        Assert.Equal(household, Guid.Parse((string)award["streamId"]!));
        Assert.False(string.IsNullOrEmpty((string?)award["correlationId"]));
        Assert.Equal("cadre", (string?)award["role"]);
        (await _api.Award(village, household, rule, token: auditor)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await _api.Get("/api/audit", village.Cadre)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}
