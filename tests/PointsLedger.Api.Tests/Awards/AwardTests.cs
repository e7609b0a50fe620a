using System.Text.Json.Nodes;
using System.Net;

namespace PointsLedger.Api.Tests.Awards;

[Collection(LedgerCollection.Name)]
public sealed class AwardTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    [Fact]
    public async Task An_award_is_credited_to_available_and_earned_in_its_colour()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "orange", 5);
        var household = await _api.NewHousehold(village);

        var award = (await _api.Award(village, household, rule)).ShouldBe(HttpStatusCode.Created).Json;

        Assert.Equal("credited", (string?)award["status"]);
        Assert.Equal("orange", (string?)award["color"]);
        var read = (await _api.Get((string)award["url"]!, village.Cadre)).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(rule, (string?)read["ruleCode"]);
        Assert.Equal(5, (int)award["points"]!);
        var balance = await _api.Balance(household);
        Assert.Equal(5, (int)balance["available"]!["orange"]!);
        Assert.Equal(5, (int)balance["earned"]!["total"]!);
        Assert.Equal(0, (int)balance["available"]!["red"]!);
    }

    [Fact]
    public async Task A_deduction_lowers_earned_fully_but_available_never_below_zero()
    {
        var village = await _api.NewVillage();
        var award = await _api.NewRule(village, "green", 3);
        var deduction = await _api.NewRule(village, "green", -5);
        var household = await _api.NewHousehold(village);
        (await _api.Award(village, household, award)).ShouldBe(HttpStatusCode.Created);

        var response = (await _api.Award(village, household, deduction)).ShouldBe(HttpStatusCode.Created).Json;

        Assert.Equal(-5, (int)response["points"]!);
        var balance = await _api.Balance(household);
        Assert.Equal(0, (int)balance["available"]!["green"]!);
        Assert.Equal(-2, (int)balance["earned"]!["green"]!);
    }

    [Fact]
    public async Task The_monthly_cap_holds_at_its_boundary()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "purple", 5, monthlyCap: 10);
        var household = await _api.NewHousehold(village);

        (await _api.Award(village, household, rule)).ShouldBe(HttpStatusCode.Created);
        (await _api.Award(village, household, rule)).ShouldBe(HttpStatusCode.Created);
        (await _api.Award(village, household, rule)).ShouldBeProblem(HttpStatusCode.Conflict, "monthly-cap-reached");

        Assert.Equal(10, (int)(await _api.Balance(household))["earned"]!["purple"]!);
        var lastMonth = DateOnly.Parse(_api.Today()).AddMonths(-1).ToString("yyyy-MM-dd");
        (await _api.Award(village, household, rule, occurredOn: lastMonth)).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Twenty_concurrent_awards_never_exceed_the_monthly_cap()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "red", 2, monthlyCap: 10);
        var household = await _api.NewHousehold(village);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _api.Award(village, household, rule)));

        Assert.Equal(5, responses.Count(r => r.Status == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.Created), r => r.ShouldBeProblem(HttpStatusCode.Conflict, "monthly-cap-reached"));
        var balance = await _api.Balance(household);
        Assert.Equal(10, (int)balance["earned"]!["red"]!);
        Assert.Equal(10, (int)balance["available"]!["red"]!);
        Assert.Equal(5, (await _api.Ledger(household)).Count);
    }

    [Fact]
    public async Task A_retried_award_with_the_same_key_returns_the_first_answer_and_moves_nothing_twice()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "blue", 4);
        var household = await _api.NewHousehold(village);

        var first = (await _api.Award(village, household, rule, key: "retry-1")).ShouldBe(HttpStatusCode.Created);
        var again = (await _api.Award(village, household, rule, key: "retry-1")).ShouldBe(HttpStatusCode.Created);

        Assert.True(again.Replayed);
        Assert.Equal(first.Guid("awardId"), again.Guid("awardId"));
        Assert.Equal(4, (int)(await _api.Balance(household))["available"]!["total"]!);
    }

    [Fact]
    public async Task Retries_racing_with_one_key_award_once()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "blue", 4);
        var household = await _api.NewHousehold(village);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _api.Award(village, household, rule, key: "flaky-network")));

        Assert.All(responses, r => r.ShouldBe(HttpStatusCode.Created));
        Assert.Single(responses.Select(r => r.Guid("awardId")).Distinct());
        Assert.Equal(7, responses.Count(r => r.Replayed));
        Assert.Equal(4, (int)(await _api.Balance(household))["available"]!["total"]!);
    }

    [Fact]
    public async Task Reusing_a_key_for_another_request_is_refused_and_changes_nothing()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "blue", 4);
        var household = await _api.NewHousehold(village);
        var other = await _api.NewHousehold(village);
        (await _api.Award(village, household, rule, key: "reused")).ShouldBe(HttpStatusCode.Created);

        (await _api.Award(village, other, rule, key: "reused")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");

        Assert.Equal(0, (int)(await _api.Balance(other))["available"]!["total"]!);
    }

    [Fact]
    public async Task A_cadre_cannot_award_their_own_household()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "orange", 5);
        var household = await _api.NewHousehold(village);
        var ownCadre = _api.Token("cadre", village.Id, householdId: household);

        (await _api.Award(village, household, rule, token: ownCadre)).ShouldBeProblem(HttpStatusCode.Forbidden, "self-award");

        Assert.Equal(0, (int)(await _api.Balance(household))["earned"]!["total"]!);
    }

    [Fact]
    public async Task Awards_outside_the_rules_dates_or_village_are_refused_and_change_nothing()
    {
        var village = await _api.NewVillage();
        var other = await _api.NewVillage();
        var rule = await _api.NewRule(village, "orange", 5);
        var household = await _api.NewHousehold(village);
        var tomorrow = DateOnly.Parse(_api.Today()).AddDays(1).ToString("yyyy-MM-dd");

        (await _api.Award(village, household, "NO-SUCH-RULE")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "unknown-rule");
        (await _api.Award(village, household, rule, occurredOn: tomorrow)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "occurred-in-future");
        var longAgo = new DateOnly(DateOnly.Parse(_api.Today()).Year - 2, 6, 1).ToString("yyyy-MM-dd");
        (await _api.Award(village, household, rule, occurredOn: longAgo)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "occurred-in-expired-year");
        (await _api.Award(village, household, rule, token: other.Cadre)).ShouldBeProblem(HttpStatusCode.Forbidden, "out-of-scope");
        (await _api.Award(village, Guid.NewGuid(), rule)).ShouldBeProblem(HttpStatusCode.NotFound, "household-not-found");
        (await _api.Award(village, household, rule, token: _api.Token("clerk"))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await _api.Post("/api/awards", new { householdId = household, ruleCode = rule, occurredOn = _api.Today(), note = new string('注', 201) }, village.Cadre))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Empty(await _api.Ledger(household));
    }

    [Fact]
    public async Task The_ledger_can_show_one_colour()
    {
        var village = await _api.NewVillage();
        var red = await _api.NewRule(village, "red", 5);
        var green = await _api.NewRule(village, "green", 3);
        var household = await _api.NewHousehold(village);
        (await _api.Award(village, household, red)).ShouldBe(HttpStatusCode.Created);
        (await _api.Award(village, household, green)).ShouldBe(HttpStatusCode.Created);

        var greens = (await _api.Get($"/api/households/{household}/ledger?color=green", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json["entries"]!.AsArray();

        var line = Assert.Single(greens)!;
        Assert.Equal((green, $"细则{green}"), ((string?)line["ruleCode"], (string?)line["ruleTitle"]));
        (await _api.Get($"/api/households/{household}/ledger?color=pink", village.Cadre)).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed-request");
    }

    [Fact]
    public async Task A_households_rules_say_what_is_left_of_each_cap_this_month()
    {
        var village = await _api.NewVillage();
        var capped = await _api.NewRule(village, "orange", 5, monthlyCap: 12);
        var open = await _api.NewRule(village, "green", 3);
        var deduction = await _api.NewRule(village, "orange", -2);
        var household = await _api.NewHousehold(village);
        (await _api.Award(village, household, capped)).ShouldBe(HttpStatusCode.Created);
        (await _api.Award(village, household, capped)).ShouldBe(HttpStatusCode.Created);

        var rules = (await _api.Get($"/api/households/{household}/rules", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json["items"]!.AsArray();
        var lastMonth = (await _api.Get($"/api/households/{household}/rules?on={DateTime.UtcNow.AddMonths(-1):yyyy-MM-dd}", village.Cadre))
            .ShouldBe(HttpStatusCode.OK).Json["items"]!.AsArray();

        int? LeftOf(JsonArray list, string code) => (int?)list.Single(r => (string?)r!["code"] == code)!["capLeft"];
        Assert.Equal((2, null, null, 12), (LeftOf(rules, capped), LeftOf(rules, open), LeftOf(rules, deduction), LeftOf(lastMonth, capped)));
        (await _api.Award(village, household, capped)).ShouldBeProblem(HttpStatusCode.Conflict, "monthly-cap-reached");
    }

    [Fact]
    public async Task Refusals_speak_english_when_asked()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village);

        var response = await _api.Post("/api/awards", new { householdId = household, ruleCode = "NOPE", occurredOn = _api.Today() }, village.Cadre, language: "en-US");

        response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "unknown-rule");
        Assert.Contains("has no rule with code NOPE", (string?)response.Json["detail"]);
    }

    [Fact]
    public async Task The_ledger_records_who_awarded_what_and_when()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "red", 6);
        var household = await _api.NewHousehold(village);
        var cadre = _api.Token("cadre", village.Id, userId: "cadre-liu");

        (await _api.Post("/api/awards", new { householdId = household, ruleCode = rule, occurredOn = _api.Today(), note = "参加党员活动日" }, cadre))
            .ShouldBe(HttpStatusCode.Created);

        var entry = Assert.Single(await _api.Ledger(household))!;
        Assert.Equal("award", (string?)entry["kind"]);
        Assert.Equal("cadre-liu", (string?)entry["actor"]);
        Assert.Equal("参加党员活动日", (string?)entry["note"]);
        Assert.Equal(6, (int)entry["earned"]!);
    }
}
