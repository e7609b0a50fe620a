using PointsLedger.Http;
using System.Net;

namespace PointsLedger.Api.Tests.Notices;

[Collection(LedgerCollection.Name)]
public sealed class CloseMonthTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);
    private readonly LastMonth _last = new(app);

    [Fact]
    public async Task A_month_closes_only_once_it_has_ended_in_order_and_with_nothing_pending()
    {
        var village = await _api.NewVillage();
        var needsApproval = await _api.NewRule(village, "blue", 10, requiresApproval: true);
        var household = await _api.NewHousehold(village);
        var pending = await _api.AwardOn(village, household, needsApproval, _last.Day(12));

        var thisMonth = await _api.CloseMonth(village, app.Clock.Today().ToString("yyyy-MM"));
        var byCadre = await _api.CloseMonth(village, _last.Text, village.Cadre);
        var whilePending = await _api.CloseMonth(village, _last.Text);
        (await _api.Post($"/api/awards/{pending}/approve", new { }, village.Approver)).ShouldBe(HttpStatusCode.OK);
        var closed = (await _api.CloseMonth(village, _last.Text)).ShouldBe(HttpStatusCode.Created).Json;
        var again = await _api.CloseMonth(village, _last.Text);
        var earlier = await _api.CloseMonth(village, _last.FirstDay.AddMonths(-1).ToString("yyyy-MM"));

        thisMonth.ShouldBeProblem(HttpStatusCode.Conflict, "month-not-ended");
        byCadre.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        whilePending.ShouldBeProblem(HttpStatusCode.Conflict, "awards-pending");
        Assert.Equal(pending.ToString(), (string?)whilePending.Json["pending"]![0]!["awardId"]);
        Assert.Equal(_last.Text, (string?)closed["month"]);
        Assert.Matches("^[0-9a-f]{64}$", (string?)closed["digest"]);
        Assert.Null(closed["previousDigest"]);
        Assert.Equal(app.Clock.Today().AddDays(7).ToString("yyyy-MM-dd"), (string?)closed["objectionDeadline"]);
        again.ShouldBeProblem(HttpStatusCode.Conflict, "month-already-closed");
        earlier.ShouldBeProblem(HttpStatusCode.Conflict, "month-already-closed");
    }

    [Fact]
    public async Task Months_close_in_order_and_each_notice_names_the_digest_before_it()
    {
        var village = await _api.NewVillage();
        var twoAgo = _last.FirstDay.AddMonths(-2).ToString("yyyy-MM");
        var first = (await _api.CloseMonth(village, twoAgo)).ShouldBe(HttpStatusCode.Created).Json;

        var skipping = await _api.CloseMonth(village, _last.Text);
        var next = (await _api.CloseMonth(village, _last.FirstDay.AddMonths(-1).ToString("yyyy-MM"))).ShouldBe(HttpStatusCode.Created).Json;

        skipping.ShouldBeProblem(HttpStatusCode.Conflict, "month-out-of-order");
        Assert.Equal((string?)first["digest"], (string?)next["previousDigest"]);
        var listed = (await _api.Get($"/api/villages/{village.Id}/notices", _api.Token("resident", householdId: await _api.NewHousehold(village)))).Json.AsArray();
        Assert.Equal([_last.FirstDay.AddMonths(-1).ToString("yyyy-MM"), twoAgo], listed.Select(n => (string?)n!["month"]));
    }

    [Fact]
    public async Task Nothing_can_be_dated_into_a_closed_month_and_corrections_go_into_an_open_one()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "green", 5);
        var deduction = await _api.NewRule(village, "green", -3);
        var household = await _api.NewHousehold(village);
        var award = await _api.AwardOn(village, household, rule, _last.Day(3));
        (await _api.CloseMonth(village, _last.Text)).ShouldBe(HttpStatusCode.Created);

        var late = await _api.Award(village, household, rule, _last.Day(28));
        var batch = await _api.Post("/api/awards/batch",
            new { villageId = village.Id, ruleCode = rule, householdIds = new[] { household }, occurredOn = _last.Day(28) }, village.Cadre);
        var revoke = await _api.Post($"/api/awards/{award}/revoke", new { reason = "记错了" }, village.Approver);
        var correction = await _api.Award(village, household, deduction, _api.Today());

        late.ShouldBeProblem(HttpStatusCode.Conflict, "month-closed");
        batch.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "batch-refused");
        Assert.Equal("month-closed", (string?)batch.Json["failures"]![0]!["code"]);
        revoke.ShouldBeProblem(HttpStatusCode.Conflict, "month-closed");
        correction.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(2, await Redemptions.ShopSteps.Available(_api, household));
    }

    [Fact]
    public async Task Awards_racing_a_close_either_land_before_it_and_are_on_the_notice_or_are_refused()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "red", 1);
        var households = new List<Guid>();
        for (var i = 0; i < 5; i++) households.Add(await _api.NewHousehold(village));

        var awards = households.SelectMany(h => Enumerable.Range(0, 6).Select(_ => _api.Award(village, h, rule, _last.Day(20)))).ToList();
        var close = _api.CloseMonth(village, _last.Text);
        var responses = await Task.WhenAll(awards);
        (await close).ShouldBe(HttpStatusCode.Created);

        var credited = responses.Count(r => r.Status == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.Created), r => r.ShouldBeProblem(HttpStatusCode.Conflict, "month-closed"));
        var notice = (await _api.Get($"/api/villages/{village.Id}/notices/{_last.Text}", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(credited, (int)notice["totals"]!["earned"]!["total"]!);
        var audit = (await _api.Post("/api/notices/audit", new { }, _api.Admin)).Json;
        Assert.DoesNotContain(audit["mismatches"]!.AsArray(), m => (string?)m!["villageCode"] == village.Code);
    }
}
