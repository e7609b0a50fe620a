using System.Net;

namespace PointsLedger.Api.Tests.Villages;

[Collection(LedgerCollection.Name)]
public sealed class VillageAndRuleTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    [Fact]
    public async Task An_admin_registers_a_village_and_reads_it_back()
    {
        var village = await _api.NewVillage();

        var read = (await _api.Get($"/api/villages/{village.Id}", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json;

        Assert.Equal(village.Code, (string?)read["code"]);
        Assert.Equal("刁镇街道", (string?)read["township"]);
    }

    [Fact]
    public async Task A_village_code_is_registered_once()
    {
        var village = await _api.NewVillage();

        (await _api.Post("/api/villages", new { code = village.Code, name = "另一个村", township = "刁镇街道" }, _api.Admin))
            .ShouldBeProblem(HttpStatusCode.Conflict, "village-code-taken");
    }

    [Fact]
    public async Task Only_admins_register_villages_and_nobody_without_a_token()
    {
        var village = await _api.NewVillage();
        var body = new { code = "X" + Guid.NewGuid().ToString("N")[..8], name = "村", township = "镇" };

        (await _api.Post("/api/villages", body, village.Cadre)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await _api.Post("/api/villages", body, token: null)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Malformed_village_fields_are_all_listed()
    {
        var response = (await _api.Post("/api/villages", new { code = "bad code!", name = new string('村', 65), township = "" }, _api.Admin))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");

        var errors = response.Json["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("code"));
        Assert.True(errors.ContainsKey("name"));
        Assert.True(errors.ContainsKey("township"));
    }

    [Fact]
    public async Task A_rule_code_is_unique_within_its_village()
    {
        var village = await _api.NewVillage();
        var code = await _api.NewRule(village, "red", 5);

        (await _api.Post($"/api/villages/{village.Id}/rules", new { code, color = "blue", title = "重复", points = 3 }, village.Cadre))
            .ShouldBeProblem(HttpStatusCode.Conflict, "rule-code-taken");

        var rules = (await _api.Get($"/api/villages/{village.Id}", village.Cadre)).Json["rules"]!.AsObject();
        Assert.Equal("red", (string?)rules[code]!["color"]);
    }

    [Fact]
    public async Task Rules_adopted_at_the_same_moment_are_all_kept()
    {
        var village = await _api.NewVillage();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _api.Post($"/api/villages/{village.Id}/rules", new { code = $"C{i}", color = "red", title = $"细则{i}", points = i + 1 }, village.Cadre)));

        Assert.All(responses, r => r.ShouldBe(HttpStatusCode.Created));
        Assert.Equal(8, (await _api.Get($"/api/villages/{village.Id}", village.Cadre)).Json["rules"]!.AsObject().Count);
    }

    [Fact]
    public async Task An_unknown_colour_is_a_bad_request_naming_the_field()
    {
        var village = await _api.NewVillage();

        var response = (await _api.Post($"/api/villages/{village.Id}/rules", new { code = "P1", color = "pink", title = "粉色", points = 5 }, village.Cadre))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed-request");

        Assert.True(response.Json["errors"]!.AsObject().ContainsKey("color"));
    }

    [Fact]
    public async Task Zero_points_and_a_cap_below_the_points_are_refused()
    {
        var village = await _api.NewVillage();

        var response = (await _api.Post($"/api/villages/{village.Id}/rules",
                new { code = "Z1", color = "green", title = new string('题', 101), points = 0 }, village.Cadre))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(response.Json["errors"]!.AsObject().ContainsKey("points"));
        Assert.True(response.Json["errors"]!.AsObject().ContainsKey("title"));

        (await _api.Post($"/api/villages/{village.Id}/rules", new { code = "Z2", color = "green", title = "上限", points = 10, monthlyCap = 5 }, village.Cadre))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task A_cadre_cannot_change_another_villages_catalogue()
    {
        var mine = await _api.NewVillage();
        var theirs = await _api.NewVillage();

        (await _api.Post($"/api/villages/{theirs.Id}/rules", new { code = "X1", color = "red", title = "越权", points = 5 }, mine.Cadre))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "out-of-scope");
    }
}
