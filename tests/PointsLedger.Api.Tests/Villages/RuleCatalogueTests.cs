using PointsLedger.Http;
using System.Net;

namespace PointsLedger.Api.Tests.Villages;

[Collection(LedgerCollection.Name)]
public sealed class RuleCatalogueTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    [Fact]
    public async Task A_retired_rule_refuses_new_awards_keeps_its_past_ones_and_is_listed_beside_the_rule_that_replaces_it()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village);
        (await _api.Post($"/api/villages/{village.Id}/rules", new { code = "O1", color = "orange", title = "孝老爱亲", points = 5 }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created);
        (await _api.Award(village, household, "O1")).ShouldBe(HttpStatusCode.Created);

        var corrected = await _api.Post($"/api/villages/{village.Id}/rules",
            new { code = "O1-2027", color = "orange", title = "孝老爱亲（修订）", points = 8, replaces = "O1" }, village.Cadre);
        var underOld = await _api.Award(village, household, "O1");
        var underNew = await _api.Award(village, household, await _api.NewRule(village, "green", 2));
        var retire = await _api.Post($"/api/villages/{village.Id}/rules/O1-2027/retire", new { reason = "并入新细则" }, village.Approver, "retire-1");
        var retireReplayed = await _api.Post($"/api/villages/{village.Id}/rules/O1-2027/retire", new { reason = "并入新细则" }, village.Approver, "retire-1");
        var retireAgain = await _api.Post($"/api/villages/{village.Id}/rules/O1-2027/retire", new { reason = "再次" }, village.Approver);
        var unknown = await _api.Post($"/api/villages/{village.Id}/rules/NOPE/retire", new { reason = "无" }, village.Approver);
        var stranger = await _api.Post($"/api/villages/{village.Id}/rules/O1/retire", new { reason = "越权" }, (await _api.NewVillage()).Cadre);
        var active = (await _api.Get($"/api/villages/{village.Id}/rules?status=active", village.Cadre)).Json["items"]!.AsArray();
        var retired = (await _api.Get($"/api/villages/{village.Id}/rules?status=retired", village.Cadre)).Json["items"]!.AsArray();

        corrected.ShouldBe(HttpStatusCode.Created);
        underOld.ShouldBeProblem(HttpStatusCode.Conflict, "rule-retired");
        Assert.Equal("O1-2027", (string?)underOld.Json["replacedBy"]);
        underNew.ShouldBe(HttpStatusCode.Created);
        Assert.Equal("retired", (string?)retire.ShouldBe(HttpStatusCode.OK).Json["status"]);
        Assert.True(retireReplayed.Replayed);
        retireAgain.ShouldBe(HttpStatusCode.OK);
        unknown.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "unknown-rule");
        stranger.ShouldBeProblem(HttpStatusCode.Forbidden, "out-of-scope");
        Assert.DoesNotContain(active, r => ((string)r!["code"]!).StartsWith("O1"));
        Assert.Equal(["O1", "O1-2027"], retired.Select(r => (string)r!["code"]!));
        Assert.Equal(("O1", "O1-2027"), ((string?)retired[1]!["replaces"], (string?)retired[0]!["replacedBy"]));
        Assert.Equal(5, (int)(await _api.Balance(household))["earned"]!["orange"]!);
    }

    [Fact]
    public async Task A_quarter_cap_holds_at_its_boundary_under_twenty_racing_awards()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village);
        (await _api.Post($"/api/villages/{village.Id}/rules",
            new { code = "Q1", color = "purple", title = "志愿服务", points = 5, cap = new { points = 10, per = "quarter" } }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created);
        var today = app.Clock.Today();
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);

        var lastQuarter = await _api.Award(village, household, "Q1", quarterStart.AddDays(-1).ToString("yyyy-MM-dd"));
        var lastQuarterAgain = await _api.Award(village, household, "Q1", quarterStart.AddDays(-1).ToString("yyyy-MM-dd"));
        var firstDay = await _api.Award(village, household, "Q1", quarterStart.ToString("yyyy-MM-dd"));
        var racing = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _api.Award(village, household, "Q1", today.ToString("yyyy-MM-dd"))));
        var both = await _api.Post($"/api/villages/{village.Id}/rules",
            new { code = "Q2", color = "purple", title = "双上限", points = 5, monthlyCap = 10, cap = new { points = 10, per = "year" } }, village.Cadre);

        lastQuarter.ShouldBe(HttpStatusCode.Created);
        lastQuarterAgain.ShouldBe(HttpStatusCode.Created);
        firstDay.ShouldBe(HttpStatusCode.Created);
        Assert.Single(racing, r => r.Status == HttpStatusCode.Created);
        Assert.All(racing.Where(r => r.Status != HttpStatusCode.Created), r => r.ShouldBeProblem(HttpStatusCode.Conflict, "quarterly-cap-reached"));
        Assert.Equal(20, (int)(await _api.Balance(household))["earned"]!["purple"]!);
        both.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task A_township_template_adopted_by_two_villages_keeps_its_colour_and_title_and_is_reported_together()
    {
        var township = $"模板街道{Guid.NewGuid():N}"[..12];
        var admin = _api.Token("admin", township: township);
        var templates = $"/api/townships/{Uri.EscapeDataString(township)}/rule-templates";
        var defined = await _api.Post(templates, new { code = "T-ECO", color = "green", title = "庭院整洁", minPoints = 2, maxPoints = 10 }, admin, "template-1");
        var replayed = await _api.Post(templates, new { code = "T-ECO", color = "green", title = "庭院整洁", minPoints = 2, maxPoints = 10 }, admin, "template-1");
        var taken = await _api.Post(templates, new { code = "T-ECO", color = "red", title = "重复", minPoints = 1, maxPoints = 2 }, admin);
        var otherTownship = await _api.Post(templates, new { code = "T-X", color = "red", title = "越权", minPoints = 1, maxPoints = 2 }, _api.Token("admin", township: "别的街道"));
        var east = await _api.NewVillage(township);
        var west = await _api.NewVillage(township);
        var eastRule = await _api.Post($"/api/villages/{east.Id}/rules", new { template = "T-ECO", points = 5 }, east.Cadre);
        var westRule = await _api.Post($"/api/villages/{west.Id}/rules", new { template = "T-ECO", code = "W-ECO", points = 8 }, west.Cadre);
        var outside = await _api.Post($"/api/villages/{west.Id}/rules", new { template = "T-ECO", code = "W-ECO2", points = 20 }, west.Cadre);
        var ownColour = await _api.Post($"/api/villages/{west.Id}/rules", new { template = "T-ECO", code = "W-ECO3", color = "red", points = 5 }, west.Cadre);
        (await _api.Award(east, await _api.NewHousehold(east), "T-ECO")).ShouldBe(HttpStatusCode.Created);
        (await _api.Award(west, await _api.NewHousehold(west), "W-ECO")).ShouldBe(HttpStatusCode.Created);

        await _api.ProjectionsCaughtUpAsync();
        var report = (await _api.Get($"/api/reports/summary?township={Uri.EscapeDataString(township)}", admin)).ShouldBe(HttpStatusCode.OK).Json;
        var westRules = (await _api.Get($"/api/villages/{west.Id}/rules", west.Cadre)).Json["items"]!.AsArray();
        var listed = (await _api.Get(templates, admin)).ShouldBe(HttpStatusCode.OK).Json.AsArray();

        defined.ShouldBe(HttpStatusCode.Created);
        Assert.True(replayed.Replayed);
        taken.ShouldBeProblem(HttpStatusCode.Conflict, "template-code-taken");
        otherTownship.ShouldBeProblem(HttpStatusCode.Forbidden, "out-of-scope");
        Assert.Equal("T-ECO", (string?)eastRule.ShouldBe(HttpStatusCode.Created).Json["code"]);
        westRule.ShouldBe(HttpStatusCode.Created);
        outside.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "points-outside-template");
        ownColour.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        var rule = westRules.Single()!;
        Assert.Equal(("green", "庭院整洁", "T-ECO", 8), ((string?)rule["color"], (string?)rule["title"], (string?)rule["template"], (int)rule["points"]!));
        var together = report["templates"]!.AsArray().Single()!;
        Assert.Equal(("T-ECO", 2, 13), ((string?)together["template"], (int)together["awards"]!, (int)together["points"]!));
        Assert.Equal(new[] { east.Code, west.Code }.Order(StringComparer.Ordinal), together["villages"]!.AsArray().Select(v => (string)v!).Order(StringComparer.Ordinal));
        Assert.Equal("T-ECO", (string?)listed.Single()!["code"]);
    }
}
