using System.Net;
using System.Text.Json.Nodes;
using PointsLedger.Api.Tests.Redemptions;
using PointsLedger.Auth;

namespace PointsLedger.Api.Tests.Households;

[Collection(LedgerCollection.Name)]
public sealed class IndividualAccountTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    private async Task<string> Rule(TestVillage village, string appliesTo, int points = 10, int? monthlyCap = null, bool requiresApproval = false)
    {
        var code = $"R{Guid.NewGuid():N}"[..12];
        (await _api.Post($"/api/villages/{village.Id}/rules",
            new { code, color = "purple", title = $"细则{code}", points, monthlyCap, requiresApproval, appliesTo }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        return code;
    }

    private async Task<(Guid Id, string No, string CardNo)> Individual(TestVillage village, string kind = "grid-worker", string? idNumber = null, string name = "李网格")
    {
        var answer = (await _api.Post($"/api/villages/{village.Id}/individuals", new { kind, name, idNumber = idNumber ?? IdNumbers.Valid(), phone = "13900000001" },
            village.Cadre)).ShouldBe(HttpStatusCode.Created);
        return (answer.Guid("accountId"), (string)answer.Json["accountNo"]!, (string)answer.Json["cardNo"]!);
    }

    /// <summary>The main flows of one ledger, run for a household and for an individual alike.</summary>
    [Theory]
    [InlineData("household")]
    [InlineData("grid-worker")]
    [InlineData("volunteer")]
    public async Task An_account_of_either_kind_earns_within_its_cap_waits_for_approval_spends_and_has_an_award_revoked(string kind)
    {
        var village = await _api.NewVillage();
        var appliesTo = kind == "household" ? "household" : "individual";
        Guid account;
        if (kind == "household") account = await _api.NewHousehold(village);
        else account = (await Individual(village, kind)).Id;
        var capped = await Rule(village, appliesTo, 10, monthlyCap: 20);
        var checkedRule = await Rule(village, appliesTo, 7, requiresApproval: true);
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 5);

        var first = await _api.Post("/api/awards", new { accountId = account, ruleCode = capped, occurredOn = _api.Today() }, village.Cadre);
        (await _api.Post("/api/awards", new { accountId = account, ruleCode = capped, occurredOn = _api.Today() }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var overCap = await _api.Post("/api/awards", new { accountId = account, ruleCode = capped, occurredOn = _api.Today() }, village.Cadre);
        var pending = (await _api.Post("/api/awards", new { accountId = account, ruleCode = checkedRule, occurredOn = _api.Today() }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created);
        var selfApproved = await _api.Post($"/api/awards/{pending.Guid("awardId")}/approve", new { }, village.Cadre);
        (await _api.Post($"/api/awards/{pending.Guid("awardId")}/approve", new { }, village.Approver)).ShouldBe(HttpStatusCode.OK);
        var redeemed = await _api.Post("/api/redemptions", new { merchantId = shop.Id, offerId = offer, householdId = account }, _api.Admin);
        (await _api.Post($"/api/awards/{first.Guid("awardId")}/revoke", new { reason = "登记错误" }, village.Approver)).ShouldBe(HttpStatusCode.OK);
        var balance = (await _api.Get($"/api/accounts/{account}/balance", _api.Admin)).ShouldBe(HttpStatusCode.OK).Json;
        var ledger = (await _api.Get($"/api/accounts/{account}/ledger", _api.Token(Roles.Resident, householdId: account))).ShouldBe(HttpStatusCode.OK).Json;

        first.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(account.ToString(), (string?)first.Json["householdId"]);
        overCap.ShouldBeProblem(HttpStatusCode.Conflict, "monthly-cap-reached");
        selfApproved.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        redeemed.ShouldBe(HttpStatusCode.Created);
        Assert.Equal((kind, 17, 12), ((string?)balance["kind"], (int)balance["earned"]!["total"]!, (int)balance["available"]!["total"]!));
        Assert.Equal(["revoked", "redemption", "approved", "submitted", "award", "award"],
            ledger["entries"]!.AsArray().Select(e => (string)e!["kind"]!).ToArray());
    }

    [Fact]
    public async Task A_grid_worker_is_numbered_in_the_village_and_a_rule_awards_only_the_kinds_it_applies_to()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village);
        var worker = await Individual(village);
        var second = await Individual(village, name: "王网格");
        var volunteer = await Individual(village, "volunteer", name: "赵志愿");
        var forHouseholds = await _api.NewRule(village, "orange", 5);
        var forIndividuals = await Rule(village, "individual");
        var forBoth = await Rule(village, "both");

        var householdRuleToWorker = await _api.Post("/api/awards", new { accountId = worker.Id, ruleCode = forHouseholds, occurredOn = _api.Today() }, village.Cadre);
        var workerRuleToHousehold = await _api.Post("/api/awards", new { householdId = household, ruleCode = forIndividuals, occurredOn = _api.Today() }, village.Cadre);
        var both = await _api.Post("/api/awards", new { householdId = household, accountId = worker.Id, ruleCode = forBoth, occurredOn = _api.Today() }, village.Cadre);
        (await _api.Post("/api/awards", new { accountId = worker.Id, ruleCode = forBoth, occurredOn = _api.Today() }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        (await _api.Post("/api/awards", new { householdId = household, ruleCode = forBoth, occurredOn = _api.Today() }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var rulesForWorker = (await _api.Get($"/api/households/{worker.Id}/rules", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json["items"]!.AsArray();
        var workers = (await _api.Get($"/api/villages/{village.Id}/households?kind=grid-worker", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json["items"]!.AsArray();
        var everyone = (await _api.Get($"/api/villages/{village.Id}/households", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json["items"]!.AsArray();
        var member = await _api.Post($"/api/households/{worker.Id}/members", new { name = "成员", idNumber = IdNumbers.Valid(), relation = "子女" }, village.Cadre);
        var shown = (await _api.Get($"/api/households/{worker.Id}", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json;

        Assert.Equal(("W-001", "W-002", "V-001"), (worker.No, second.No, volunteer.No));
        householdRuleToWorker.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "rule-not-for-account");
        Assert.Contains("网格员", (string?)householdRuleToWorker.Json["detail"]);
        workerRuleToHousehold.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "rule-not-for-account");
        both.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(new[] { forBoth, forIndividuals }.Order(), rulesForWorker.Select(r => (string)r!["code"]!).Order());
        Assert.Equal(["W-001", "W-002"], workers.Select(w => (string)w!["householdNo"]!).ToArray());
        Assert.All(workers, w => Assert.Equal("grid-worker", (string?)w!["kind"]));
        Assert.Equal(4, everyone.Count);
        Assert.Equal("household", (string?)everyone.Single(h => (Guid)h!["householdId"]! == household)!["kind"]);
        member.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "not-a-household");
        Assert.Equal(("grid-worker", "李网格", "W-001"), ((string?)shown["kind"], (string?)shown["headName"], (string?)shown["householdNo"]));
    }

    [Fact]
    public async Task A_household_head_may_also_hold_an_individual_account_but_not_two_and_the_id_card_alone_finds_either()
    {
        var village = await _api.NewVillage();
        var headId = IdNumbers.Valid();
        var household = (await _api.Post($"/api/villages/{village.Id}/households", new { householdNo = "0101", headName = "李网格", idNumber = headId }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created).Guid("householdId");
        var asWorker = await Individual(village, idNumber: headId);
        var again = await _api.Post($"/api/villages/{village.Id}/individuals", new { kind = "volunteer", name = "李网格", idNumber = headId }, village.Cadre);
        var riderId = IdNumbers.Valid();
        var rider = await Individual(village, "rider", riderId, "外卖小哥");
        var rule = await Rule(village, "individual", 30);
        (await _api.Post("/api/awards", new { accountId = rider.Id, ruleCode = rule, occurredOn = _api.Today() }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 10);

        var byHeadId = (await _api.Post("/api/redemptions/quote", new { merchantId = shop.Id, idNumber = headId }, shop.Clerk)).ShouldBe(HttpStatusCode.OK).Json;
        var redeemed = await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, idNumber = riderId });
        var byCard = await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, cardNo = rider.CardNo, idLast6 = riderId[^6..] });

        again.ShouldBeProblem(HttpStatusCode.Conflict, "id-number-taken");
        Assert.NotEqual(household, asWorker.Id);
        Assert.Equal(household.ToString(), (string?)byHeadId["householdId"]);
        redeemed.ShouldBe(HttpStatusCode.Created);
        byCard.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(10, await _api.Available(rider.Id));
    }

    [Fact]
    public async Task The_notice_posts_individuals_in_their_own_section_ranked_among_themselves_and_the_report_counts_them_by_kind()
    {
        var township = $"个人街道{Guid.NewGuid():N}"[..10];
        var village = await _api.NewVillage(township);
        var lastMonth = DateOnly.Parse(_api.Today()[..7] + "-01").AddMonths(-1);
        var on = lastMonth.AddDays(4).ToString("yyyy-MM-dd");
        var household = await _api.NewHousehold(village, "0001");
        var worker = await Individual(village);
        var volunteer = await Individual(village, "volunteer", name: "赵志愿");
        var forIndividuals = await Rule(village, "individual", 40);
        var lesser = await Rule(village, "individual", 20);
        var forHouseholds = await _api.NewRule(village, "green", 5);
        (await _api.Post("/api/awards", new { accountId = volunteer.Id, ruleCode = lesser, occurredOn = on }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        (await _api.Award(village, household, forHouseholds, on)).ShouldBe(HttpStatusCode.Created);
        (await _api.Post("/api/awards", new { accountId = worker.Id, ruleCode = forIndividuals, occurredOn = on }, village.Cadre)).ShouldBe(HttpStatusCode.Created);

        (await _api.Post($"/api/villages/{village.Id}/notices", new { month = lastMonth.ToString("yyyy-MM") }, village.Approver)).ShouldBe(HttpStatusCode.Created);
        var notice = (await _api.Get($"/api/villages/{village.Id}/notices/{lastMonth:yyyy-MM}", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json;
        var html = (await _api.Get($"/api/villages/{village.Id}/notices/{lastMonth:yyyy-MM}.html", village.Cadre)).ShouldBe(HttpStatusCode.OK).Body;
        var workerLine = notice["households"]!.AsArray().Single(l => (string)l!["householdNo"]! == "W-001")!;
        var verified = (await _api.Post("/verify/line", new { village = village.Code, month = lastMonth.ToString("yyyy-MM"), line = workerLine }, null))
            .ShouldBe(HttpStatusCode.OK).Json;
        await _api.ProjectionsCaughtUpAsync();
        var report = (await _api.Get($"/api/reports/summary?from={lastMonth:yyyy-MM}&to={lastMonth:yyyy-MM}&township={Uri.EscapeDataString(township)}", _api.Admin))
            .ShouldBe(HttpStatusCode.OK).Json;

        var lines = notice["households"]!.AsArray();
        Assert.Equal(["0001", "V-001", "W-001"], lines.Select(l => (string)l!["householdNo"]!).ToArray());
        Assert.Equal(["", "volunteer", "grid-worker"], lines.Select(l => (string?)l!["kind"] ?? "").ToArray());
        Assert.Equal([1, 2, 1], lines.Select(l => (int)l!["rank"]!).ToArray());
        Assert.Equal("李*格", (string?)workerLine["name"]);
        Assert.Equal((1, 2), ((int)notice["totals"]!["households"]!, (int)notice["totals"]!["individuals"]!));
        Assert.Contains("个人积分（网格员、志愿者等）", html);
        Assert.Contains("W-001 网格员", html);
        Assert.Contains("1 户、个人 2 人", html);
        Assert.True((bool)verified["valid"]!, verified.ToJsonString());
        var kinds = report["kinds"]!.AsArray().ToDictionary(k => (string)k!["kind"]!, k => k!);
        Assert.Equal((1, 1, 5), ((int)kinds["household"]["accounts"]!, (int)kinds["household"]["awarded"]!, (int)kinds["household"]["points"]!));
        Assert.Equal((1, 1, 40), ((int)kinds["grid-worker"]["accounts"]!, (int)kinds["grid-worker"]["awarded"]!, (int)kinds["grid-worker"]["points"]!));
        Assert.Equal((1, 1, 20), ((int)kinds["volunteer"]["accounts"]!, (int)kinds["volunteer"]["awarded"]!, (int)kinds["volunteer"]["points"]!));
        Assert.Equal(1, (int)report["overall"]!["households"]!);
    }

    [Fact]
    public async Task An_individual_signs_in_by_phone_like_a_resident_and_shows_a_payment_code_a_clerk_redeems()
    {
        var village = await _api.NewVillage();
        var phone = $"137{Random.Shared.Next(10_000_000, 99_999_999)}";
        var rider = (await _api.Post($"/api/villages/{village.Id}/individuals", new { kind = "rider", name = "外卖小哥", idNumber = IdNumbers.Valid(), phone }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created).Guid("accountId");
        (await _api.Post("/api/awards", new { accountId = rider, ruleCode = await Rule(village, "both", 30), occurredOn = _api.Today() }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created);
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 10);

        var code = app.Codes.NextCodeFor(phone);
        (await _api.Post("/api/auth/resident/code", new { phone }, token: null)).ShouldBe(HttpStatusCode.OK);
        var signedIn = (await _api.Post("/api/auth/resident/sign-in", new { phone, code = await code }, token: null)).ShouldBe(HttpStatusCode.OK).Json;
        var token = (string)signedIn["accessToken"]!;
        var me = (await _api.Get("/api/me", token)).ShouldBe(HttpStatusCode.OK).Json;
        var paymentCode = (await _api.Get("/api/me/payment-code", token)).ShouldBe(HttpStatusCode.OK).Json;
        var paid = await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, qrToken = (string)paymentCode["token"]! });
        var standing = (await _api.Get("/api/me/standing", token)).ShouldBe(HttpStatusCode.OK).Json;

        Assert.Equal((rider.ToString(), "rider", "R-001"), ((string?)signedIn["householdId"], (string?)me["kind"], (string?)me["householdNo"]));
        paid.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(20, (int)paid.Json["availableAfter"]!["total"]!);
        Assert.Equal((1, 1), ((int)standing["rank"]!, (int)standing["households"]!));
    }

    [Fact]
    public async Task A_cadre_may_not_award_or_assess_the_grid_worker_account_of_a_person_of_their_own_household()
    {
        var village = await _api.NewVillage();
        var cadresId = IdNumbers.Valid();
        var own = (await _api.Post($"/api/villages/{village.Id}/households", new { householdNo = "0009", headName = "李网格", idNumber = cadresId }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created).Guid("householdId");
        var ownWorker = await Individual(village, idNumber: cadresId);
        var otherWorker = await Individual(village, name: "王网格");
        var cadre = _api.Token(Roles.Cadre, village.Id, householdId: own);
        var rule = await Rule(village, "individual");
        var lastQuarter = DateOnly.Parse(_api.Today()).AddMonths(-3) is var d ? $"{d.Year}-Q{(d.Month + 2) / 3}" : "";

        var award = await _api.Post("/api/awards", new { accountId = ownWorker.Id, ruleCode = rule, occurredOn = _api.Today() }, cadre);
        var assessment = await _api.Post($"/api/villages/{village.Id}/assessments",
            new { period = lastQuarter, scores = new[] { new { accountId = ownWorker.Id, ruleCode = rule, points = 5 } } }, cadre);
        var someoneElse = await _api.Post("/api/awards", new { accountId = otherWorker.Id, ruleCode = rule, occurredOn = _api.Today() }, cadre);

        award.ShouldBeProblem(HttpStatusCode.Forbidden, "self-award");
        assessment.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "batch-refused");
        Assert.Equal("self-award", (string?)assessment.Json["failures"]![0]!["code"]);
        someoneElse.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_individual_is_numbered_after_the_highest_number_of_its_kind_even_one_a_household_took()
    {
        var village = await _api.NewVillage();
        (await _api.Post($"/api/villages/{village.Id}/households", new { householdNo = "W-005", headName = "张三明", idNumber = IdNumbers.Valid() }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created);

        var worker = await Individual(village);

        Assert.Equal("W-006", worker.No);
    }
}
