using System.Net;
using System.Text.Json.Nodes;

namespace PointsLedger.Api.Tests.Awards;

[Collection(LedgerCollection.Name)]
public sealed class HoursAndAssessmentTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    private async Task<Guid> Individual(TestVillage village, string kind = "grid-worker") =>
        (await _api.Post($"/api/villages/{village.Id}/individuals", new { kind, name = "周志愿", idNumber = IdNumbers.Valid() }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created).Guid("accountId");

    private static string LastQuarter(DateOnly today) => today.AddMonths(-3) is var d ? $"{d.Year}-Q{(d.Month + 2) / 3}" : "";

    private static string ThisQuarter(DateOnly today) => $"{today.Year}-Q{(today.Month + 2) / 3}";

    [Fact]
    public async Task Volunteer_hours_earn_points_per_hour_within_the_cap_and_the_ledger_and_notice_show_the_hours()
    {
        var village = await _api.NewVillage();
        var volunteer = await Individual(village, "volunteer");
        var lastMonth = DateOnly.Parse(_api.Today()[..7] + "-01").AddMonths(-1);
        var perHour = await _api.NewRule(village, new { unit = "hour", pointsPerUnit = 2, monthlyCap = 20, appliesTo = "individual", title = "志愿服务" });
        var perAward = await _api.NewRule(village, new { points = 5, appliesTo = "individual" });
        var on = lastMonth.AddDays(2).ToString("yyyy-MM-dd");

        var three = await _api.Post("/api/awards", new { accountId = volunteer, ruleCode = perHour, occurredOn = on, quantity = 3 }, village.Cadre);
        var noHours = await _api.Post("/api/awards", new { accountId = volunteer, ruleCode = perHour, occurredOn = on }, village.Cadre);
        var moreThanADay = await _api.Post("/api/awards", new { accountId = volunteer, ruleCode = perHour, occurredOn = on, quantity = 25 }, village.Cadre);
        var hoursOnAPlainRule = await _api.Post("/api/awards", new { accountId = volunteer, ruleCode = perAward, occurredOn = on, quantity = 2 }, village.Cadre);
        var overCap = await _api.Post("/api/awards", new { accountId = volunteer, ruleCode = perHour, occurredOn = on, quantity = 8 }, village.Cadre);
        var badRule = await _api.Post($"/api/villages/{village.Id}/rules", new { code = "HX", color = "red", title = "x", points = 3, unit = "hour" }, village.Cadre);
        var ledger = (await _api.Get($"/api/accounts/{volunteer}/ledger", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json["entries"]!.AsArray();
        var rules = (await _api.Get($"/api/villages/{village.Id}/rules", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json["items"]!.AsArray();
        (await _api.Post($"/api/villages/{village.Id}/notices", new { month = lastMonth.ToString("yyyy-MM") }, village.Approver)).ShouldBe(HttpStatusCode.Created);
        var notice = (await _api.Get($"/api/villages/{village.Id}/notices/{lastMonth:yyyy-MM}", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json;
        var html = (await _api.Get($"/api/villages/{village.Id}/notices/{lastMonth:yyyy-MM}.html", village.Cadre)).ShouldBe(HttpStatusCode.OK).Body;

        three.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(6, (int)three.Json["points"]!);
        noHours.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "quantity-required");
        moreThanADay.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        hoursOnAPlainRule.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "quantity-not-applicable");
        overCap.ShouldBeProblem(HttpStatusCode.Conflict, "monthly-cap-reached");
        Assert.Contains("16", (string?)overCap.Json["detail"]);
        badRule.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal((6, 3), ((int)ledger[0]!["earned"]!, (int)ledger[0]!["details"]!["quantity"]!));
        var rule = rules.Single(r => (string)r!["code"]! == perHour)!;
        Assert.Equal(("hour", 2, "individual"), ((string?)rule["unit"], (int)rule["points"]!, (string?)rule["appliesTo"]));
        Assert.Equal((6, 3), ((int)notice["entries"]![0]!["points"]!, (int)notice["entries"]![0]!["quantity"]!));
        Assert.Contains("6（3 小时）", html);
    }

    [Fact]
    public async Task A_quarterly_assessment_scores_individuals_within_the_rules_bounds_all_or_nothing_and_waits_for_an_approver()
    {
        var village = await _api.NewVillage();
        var worker = await Individual(village);
        var leader = await Individual(village);
        var household = await _api.NewHousehold(village);
        var duty = await _api.NewRule(village, new { points = 30, appliesTo = "individual", requiresApproval = true, title = "网格员履职考核" });
        var review = await _api.NewRule(village, new { points = 10, appliesTo = "individual", title = "群众评议" });
        var today = DateOnly.Parse(_api.Today());
        var ended = LastQuarter(today);
        var path = $"/api/villages/{village.Id}/assessments";

        var notEnded = await _api.Post(path, new { period = ThisQuarter(today), scores = new[] { new { accountId = worker, ruleCode = duty, points = 20 } } }, village.Cadre);
        var oneBad = await _api.Post(path, new
        {
            period = ended,
            scores = new object[]
            {
                new { accountId = worker, ruleCode = duty, points = 25 },
                new { accountId = leader, ruleCode = duty, points = 31 },
                new { accountId = household, ruleCode = review, points = 5 },
            },
        }, village.Cadre);
        var ledgerAfterRefusal = (await _api.Get($"/api/accounts/{worker}/ledger", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json["entries"]!.AsArray();
        var badPeriod = await _api.Post(path, new { period = "2026-Q5", scores = new[] { new { accountId = worker, ruleCode = duty, points = 20 } } }, village.Cadre);
        var assessed = (await _api.Post(path, new
        {
            period = ended,
            scores = new object[]
            {
                new { accountId = worker, ruleCode = duty, points = 25, note = "走访到位" },
                new { accountId = worker, ruleCode = review, points = 9 },
                new { accountId = leader, ruleCode = duty, points = 30 },
            },
        }, village.Cadre)).ShouldBe(HttpStatusCode.Created).Json;
        var awards = assessed["awards"]!.AsArray();
        var pendingDuty = awards.Where(a => (string)a!["ruleCode"]! == duty).Select(a => (Guid)a!["awardId"]!).ToList();
        foreach (var award in pendingDuty) (await _api.Post($"/api/awards/{award}/approve", new { }, village.Approver)).ShouldBe(HttpStatusCode.OK);
        var ledger = (await _api.Get($"/api/accounts/{worker}/ledger", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json["entries"]!.AsArray();

        notEnded.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "period-not-ended");
        oneBad.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "batch-refused");
        var failures = oneBad.Json["failures"]!.AsArray().Select(f => (string)f!["code"]!).Order().ToArray();
        Assert.Equal(["account-not-individual", "score-out-of-bounds"], failures);
        Assert.Empty(ledgerAfterRefusal);
        badPeriod.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(["credited", "pending", "pending"], awards.Select(a => (string)a!["status"]!).Order().ToArray());
        Assert.Equal(64, awards.Sum(a => (int)a!["points"]!));
        Assert.Equal(34, (int)(await _api.Get($"/api/accounts/{worker}/balance", village.Cadre)).Json["available"]!["total"]!);
        Assert.All(ledger.Where(e => (string?)e!["kind"] is "approved" or "award"), e => Assert.Equal(ended, (string?)e!["details"]!["period"]));
        var again = await _api.Post(path, new { period = ended, scores = new[] { new { accountId = worker, ruleCode = review, points = 5 } } }, village.Cadre);
        again.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "batch-refused");
        Assert.Equal("already-assessed", (string?)again.Json["failures"]![0]!["code"]);
        var reviewAward = awards.Single(a => (string)a!["ruleCode"]! == review && (Guid)a!["accountId"]! == worker)!;
        (await _api.Post($"/api/awards/{(Guid)reviewAward["awardId"]!}/revoke", new { reason = "评分有误" }, village.Approver)).ShouldBe(HttpStatusCode.OK);
        (await _api.Post(path, new { period = ended, scores = new[] { new { accountId = worker, ruleCode = review, points = 5 } } }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_cadre_may_not_approve_the_assessment_they_submitted()
    {
        var village = await _api.NewVillage();
        var worker = await Individual(village);
        var duty = await _api.NewRule(village, new { points = 30, appliesTo = "individual", requiresApproval = true });
        var maker = _api.Token("approver", village.Id, userId: $"maker-{Guid.NewGuid():N}");

        var assessed = (await _api.Post($"/api/villages/{village.Id}/assessments",
            new { period = LastQuarter(DateOnly.Parse(_api.Today())), scores = new[] { new { accountId = worker, ruleCode = duty, points = 12 } } }, maker))
            .ShouldBe(HttpStatusCode.Created).Json;
        var award = (Guid)assessed["awards"]![0]!["awardId"]!;

        (await _api.Post($"/api/awards/{award}/approve", new { }, maker)).ShouldBeProblem(HttpStatusCode.Forbidden, "self-approval");
        (await _api.Post($"/api/awards/{award}/approve", new { }, village.Approver)).ShouldBe(HttpStatusCode.OK);
    }
}
