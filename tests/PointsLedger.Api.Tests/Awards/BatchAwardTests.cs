using System.Net;

namespace PointsLedger.Api.Tests.Awards;

[Collection(LedgerCollection.Name)]
public sealed class BatchAwardTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    [Fact]
    public async Task A_batch_awards_every_listed_household()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "green", 3);
        var households = new[] { await _api.NewHousehold(village), await _api.NewHousehold(village), await _api.NewHousehold(village) };

        var response = (await _api.Post("/api/awards/batch", new { villageId = village.Id, ruleCode = rule, householdIds = households, occurredOn = _api.Today() }, village.Cadre, "batch-1"))
            .ShouldBe(HttpStatusCode.Created);

        Assert.Equal(3, response.Json["awards"]!.AsArray().Count);
        foreach (var household in households) Assert.Equal(3, (int)(await _api.Balance(household))["available"]!["green"]!);

        var replay = await _api.Post("/api/awards/batch", new { villageId = village.Id, ruleCode = rule, householdIds = households, occurredOn = _api.Today() }, village.Cadre, "batch-1");
        Assert.True(replay.Replayed);
        Assert.Equal(3, (int)(await _api.Balance(households[0]))["available"]!["green"]!);
    }

    [Fact]
    public async Task A_batch_with_one_refused_household_records_nothing_and_names_it()
    {
        var village = await _api.NewVillage();
        var other = await _api.NewVillage();
        var rule = await _api.NewRule(village, "green", 3, monthlyCap: 3);
        var fine = await _api.NewHousehold(village);
        var capped = await _api.NewHousehold(village);
        var stranger = await _api.NewHousehold(other);
        (await _api.Award(village, capped, rule)).ShouldBe(HttpStatusCode.Created);

        var batch = new { villageId = village.Id, ruleCode = rule, householdIds = new[] { fine, capped, stranger }, occurredOn = _api.Today() };
        var response = (await _api.Post("/api/awards/batch", batch, village.Cadre)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "batch-refused");
        var keyed = await _api.Post("/api/awards/batch", batch, village.Cadre, "refused-batch");
        var replayed = await _api.Post("/api/awards/batch", batch, village.Cadre, "refused-batch");

        var failures = response.Json["failures"]!.AsArray().ToDictionary(f => Guid.Parse((string)f!["householdId"]!), f => (string?)f!["code"]);
        Assert.Equal("monthly-cap-reached", failures[capped]);
        Assert.Equal("household-not-in-village", failures[stranger]);
        Assert.False(failures.ContainsKey(fine));
        Assert.Equal(0, (int)(await _api.Balance(fine))["available"]!["total"]!);
        Assert.Equal(response.Body, keyed.Body);
        Assert.Equal((keyed.Body, true), (replayed.Body, replayed.Replayed));
    }

    [Fact]
    public async Task A_batch_must_list_distinct_households()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "green", 3);
        var household = await _api.NewHousehold(village);

        (await _api.Post("/api/awards/batch", new { villageId = village.Id, ruleCode = rule, householdIds = new[] { household, household }, occurredOn = _api.Today() }, village.Cadre))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await _api.Post("/api/awards/batch", new { villageId = village.Id, ruleCode = rule, householdIds = Array.Empty<Guid>(), occurredOn = _api.Today() }, village.Cadre))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(0, (int)(await _api.Balance(household))["available"]!["total"]!);
    }

    [Fact]
    public async Task A_batch_by_grid_awards_every_household_of_the_grid_that_has_not_moved_out()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "green", 2);
        (await _api.Post($"/api/villages/{village.Id}/grids", new { code = "G7", name = "七网格" }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var inGrid = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var household = await _api.NewHousehold(village);
            (await _api.Post($"/api/households/{household}/grid", new { grid = "G7" }, village.Cadre)).ShouldBe(HttpStatusCode.OK);
            inGrid.Add(household);
        }
        var outside = await _api.NewHousehold(village);
        (await _api.Post($"/api/households/{inGrid[2]}/move-out", new { reason = "迁出", on = _api.Today() }, village.Cadre)).ShouldBe(HttpStatusCode.OK);

        var batch = await _api.Post("/api/awards/batch", new { villageId = village.Id, ruleCode = rule, grid = "G7", occurredOn = _api.Today() }, village.Cadre);
        var unknown = await _api.Post("/api/awards/batch", new { villageId = village.Id, ruleCode = rule, grid = "G8", occurredOn = _api.Today() }, village.Cadre);
        var both = await _api.Post("/api/awards/batch",
            new { villageId = village.Id, ruleCode = rule, grid = "G7", householdIds = new[] { outside }, occurredOn = _api.Today() }, village.Cadre);

        Assert.Equal(inGrid.Take(2).Order(), batch.ShouldBe(HttpStatusCode.Created).Json["awards"]!.AsArray().Select(a => Guid.Parse((string)a!["householdId"]!)).Order());
        unknown.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "unknown-grid");
        both.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(0, (int)(await _api.Balance(outside))["earned"]!["total"]!);
    }
}
