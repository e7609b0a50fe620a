using PointsLedger.Http;
using System.Net;
using PointsLedger.Api.Tests.Notices;
using PointsLedger.Api.Tests.Redemptions;

namespace PointsLedger.Api.Tests.Households;

[Collection(LedgerCollection.Name)]
public sealed class HouseholdChangeTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    private async Task<(Guid Household, string CardNo, string IdNumber)> Register(TestVillage village, string? phone = null)
    {
        var idNumber = IdNumbers.Valid();
        var registered = (await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo = $"H{Guid.NewGuid():N}"[..10], headName = "张三明", idNumber, phone }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        return (registered.Guid("householdId"), (string)registered.Json["cardNo"]!, idNumber);
    }

    private async Task<Guid> ActiveMember(TestVillage village, Guid household, string idNumber, string name = "李四芳")
    {
        var member = (await _api.Post($"/api/households/{household}/members", new { name, idNumber, relation = "配偶" }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created).Guid("memberId");
        (await _api.Post($"/api/households/{household}/members/{member}/approve", new { }, village.Approver)).ShouldBe(HttpStatusCode.OK);
        return member;
    }

    private async Task<Response> SignIn(string phone)
    {
        var code = app.Codes.NextCodeFor(phone);
        (await _api.Post("/api/auth/resident/code", new { phone }, token: null)).ShouldBe(HttpStatusCode.OK);
        return await _api.Post("/api/auth/resident/sign-in", new { phone, code = await code }, token: null);
    }

    [Fact]
    public async Task After_a_phone_change_the_resident_signs_in_with_the_new_number_only_and_the_same_number_again_appends_nothing()
    {
        var village = await _api.NewVillage();
        var oldPhone = $"137{Random.Shared.Next(10_000_000, 99_999_999)}";
        var newPhone = $"138{Random.Shared.Next(10_000_000, 99_999_999)}";
        var (household, _, _) = await Register(village, oldPhone);
        var oldSession = (string)(await SignIn(oldPhone)).ShouldBe(HttpStatusCode.OK).Json["accessToken"]!;
        var codeForOldPhone = app.Codes.NextCodeFor(oldPhone);
        (await _api.Post("/api/auth/resident/code", new { phone = oldPhone }, token: null)).ShouldBe(HttpStatusCode.OK);
        var pendingOldCode = await codeForOldPhone;

        var changed = await _api.Post($"/api/households/{household}/phone", new { phone = newPhone, reason = "换号" }, village.Cadre, "phone-1");
        var replayed = await _api.Post($"/api/households/{household}/phone", new { phone = newPhone, reason = "换号" }, village.Cadre, "phone-1");
        var again = await _api.Post($"/api/households/{household}/phone", new { phone = newPhone }, village.Cadre);
        var stranger = await _api.Post($"/api/households/{household}/phone", new { phone = oldPhone }, (await _api.NewVillage()).Cadre);
        var badNumber = await _api.Post($"/api/households/{household}/phone", new { phone = "12345" }, village.Cadre);

        Assert.Equal(newPhone, (string?)changed.ShouldBe(HttpStatusCode.OK).Json["phone"]);
        Assert.True(replayed.Replayed);
        again.ShouldBe(HttpStatusCode.OK);
        stranger.ShouldBeProblem(HttpStatusCode.NotFound, "household-not-found");
        badNumber.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        var history = await _api.Ledger(household);
        Assert.Equal(1, history.Count(e => (string?)e!["kind"] == "phone-changed"));
        Assert.Equal("换号", (string?)history.First(e => (string?)e!["kind"] == "phone-changed")!["note"]);
        (await _api.Post("/api/auth/resident/sign-in", new { phone = oldPhone, code = pendingOldCode }, token: null))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "code-invalid");
        (await _api.Get("/api/me", oldSession)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
        var newSession = (await SignIn(newPhone)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(household, newSession.Guid("householdId"));
        (await _api.Get("/api/me", (string)newSession.Json["accessToken"]!)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_a_head_change_the_former_heads_id_digits_open_the_card_only_while_they_are_still_a_member()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 1);
        var (household, cardNo, headId) = await Register(village);
        (await _api.Award(village, household, await _api.NewRule(village, "orange", 10))).ShouldBe(HttpStatusCode.Created);
        var spouseId = IdNumbers.Valid();
        var spouse = await ActiveMember(village, household, spouseId);
        object Card(string idNumber) => new { merchantId = shop.Id, offerId = offer, cardNo, idLast6 = idNumber[^6..] };

        var changed = (await _api.Post($"/api/households/{household}/head", new { memberId = spouse, reason = "户主去世" }, village.Cadre))
            .ShouldBe(HttpStatusCode.OK);
        var formerHead = changed.Json["members"]!.AsArray().Single(m => (string?)m!["relation"] == "原户主")!;
        var whileMember = await _api.Redeem(shop.Clerk, Card(headId));
        var byNewHead = await _api.Redeem(shop.Clerk, Card(spouseId));
        (await _api.Post($"/api/households/{household}/members/{formerHead["memberId"]}/remove", new { reason = "去世" }, village.Cadre))
            .ShouldBe(HttpStatusCode.OK);
        (await _api.Post($"/api/households/{household}/members/{formerHead["memberId"]}/approve", new { }, village.Approver)).ShouldBe(HttpStatusCode.OK);
        var afterRemoval = await _api.Redeem(shop.Clerk, Card(headId));
        var notAMember = await _api.Post($"/api/households/{household}/head", new { memberId = Guid.NewGuid() }, village.Cadre);

        Assert.Equal("李四芳", (string?)changed.Json["headName"]);
        Assert.Equal("张三明", (string?)formerHead["name"]);
        whileMember.ShouldBe(HttpStatusCode.Created);
        byNewHead.ShouldBe(HttpStatusCode.Created);
        afterRemoval.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "card-check-failed");
        notAMember.ShouldBeProblem(HttpStatusCode.NotFound, "member-not-found");
        Assert.Contains(await _api.Ledger(household), e => (string?)e!["kind"] == "head-changed" && (string?)e["note"] == "户主去世");
    }

    [Fact]
    public async Task A_reissued_card_replaces_the_old_one_which_is_refused_and_the_days_lockout_carries_over()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 1);
        var (household, oldCard, idNumber) = await Register(village);
        (await _api.Award(village, household, await _api.NewRule(village, "orange", 10))).ShouldBe(HttpStatusCode.Created);
        var wrong = idNumber[^6] == '9' ? "000000" : "999999";
        using var pinned = app.Clock.Pin(app.Clock.GetUtcNow());
        for (var i = 0; i < 5; i++) await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, cardNo = oldCard, idLast6 = wrong });

        var reissued = (await _api.Post($"/api/households/{household}/card/reissue", new { reason = "遗失" }, village.Cadre, "reissue-1"))
            .ShouldBe(HttpStatusCode.OK);
        var replayed = await _api.Post($"/api/households/{household}/card/reissue", new { reason = "遗失" }, village.Cadre, "reissue-1");
        var newCard = (string)reissued.Json["cardNo"]!;
        var oldCardNow = await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, cardNo = oldCard, idLast6 = idNumber[^6..] });
        var newCardToday = await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, cardNo = newCard, idLast6 = idNumber[^6..] });
        app.Clock.Set(app.Clock.GetUtcNow().AddDays(1));
        var newCardTomorrow = await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, cardNo = newCard, idLast6 = idNumber[^6..] });
        var byAuditor = await _api.Post($"/api/households/{household}/card/reissue", new { reason = "遗失" }, _api.Token("auditor"));

        Assert.NotEqual(oldCard, newCard);
        Assert.Equal(newCard, (string?)replayed.Json["cardNo"]);
        oldCardNow.ShouldBeProblem(HttpStatusCode.Conflict, "card-replaced");
        newCardToday.ShouldBeProblem(HttpStatusCode.Conflict, "card-locked");
        newCardTomorrow.ShouldBe(HttpStatusCode.Created);
        byAuditor.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(newCard, (string?)(await _api.Get($"/api/households/{household}", village.Cadre)).Json["cardNo"]);
        Assert.Single(await _api.Ledger(household), e => (string?)e!["kind"] == "card-reissued");
    }

    [Fact]
    public async Task A_household_that_moved_out_stays_on_the_notice_of_its_last_month_only_and_earns_and_spends_nothing_more()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 1);
        var rule = await _api.NewRule(village, "orange", 10);
        var twoMonthsAgo = new DateOnly(app.Clock.Today().Year, app.Clock.Today().Month, 1).AddMonths(-2);
        var (leaving, _, _) = await Register(village);
        var staying = await _api.NewHousehold(village);
        (await _api.Award(village, leaving, rule, twoMonthsAgo.AddDays(2).ToString("yyyy-MM-dd"))).ShouldBe(HttpStatusCode.Created);
        (await _api.Award(village, staying, rule, twoMonthsAgo.AddDays(2).ToString("yyyy-MM-dd"))).ShouldBe(HttpStatusCode.Created);
        var inFuture = await _api.Post($"/api/households/{leaving}/move-out", new { reason = "迁往城区", on = app.Clock.Today().AddDays(1) }, village.Cadre);

        var movedOut = (await _api.Post($"/api/households/{leaving}/move-out", new { reason = "迁往城区", on = twoMonthsAgo.AddDays(19) }, village.Cadre, "move-1"))
            .ShouldBe(HttpStatusCode.OK);
        var replayed = await _api.Post($"/api/households/{leaving}/move-out", new { reason = "迁往城区", on = twoMonthsAgo.AddDays(19) }, village.Cadre, "move-1");
        var twice = await _api.Post($"/api/households/{leaving}/move-out", new { reason = "再次", on = app.Clock.Today() }, village.Cadre);
        var award = await _api.Award(village, leaving, rule);
        var redemption = await _api.Redeem(_api.Admin, new { merchantId = shop.Id, offerId = offer, householdId = leaving });
        (await _api.CloseMonth(village, $"{twoMonthsAgo:yyyy-MM}")).ShouldBe(HttpStatusCode.Created);
        (await _api.CloseMonth(village, $"{twoMonthsAgo.AddMonths(1):yyyy-MM}")).ShouldBe(HttpStatusCode.Created);
        var lastMonthOfIt = (await _api.Get($"/api/villages/{village.Id}/notices/{twoMonthsAgo:yyyy-MM}", village.Cadre)).Json["households"]!.AsArray();
        var monthAfter = (await _api.Get($"/api/villages/{village.Id}/notices/{twoMonthsAgo.AddMonths(1):yyyy-MM}", village.Cadre)).Json["households"]!.AsArray();
        var view = (await _api.Get($"/api/households/{leaving}", village.Cadre)).Json;

        inFuture.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "occurred-in-future");
        Assert.Equal(("closed", 0), ((string?)movedOut.Json["status"], (int)movedOut.Json["forfeited"]!));
        Assert.True(replayed.Replayed);
        twice.ShouldBeProblem(HttpStatusCode.Conflict, "household-closed");
        award.ShouldBeProblem(HttpStatusCode.Conflict, "household-closed");
        redemption.ShouldBeProblem(HttpStatusCode.Conflict, "household-closed");
        Assert.Equal(2, lastMonthOfIt.Count);
        Assert.Single(monthAfter);
        Assert.Equal(("closed", 10), ((string?)view["status"], (int)view["available"]!["total"]!));
        Assert.Equal("moved-out", (string?)(await _api.Ledger(leaving))[0]!["kind"]);
    }

    [Fact]
    public async Task Where_the_township_expires_points_on_moving_out_the_available_points_go_and_earned_stays_and_the_id_number_is_free_again()
    {
        var village = await _api.NewVillage(LedgerApp.ForfeitingTownship);
        var (household, _, idNumber) = await Register(village);
        (await _api.Award(village, household, await _api.NewRule(village, "green", 12))).ShouldBe(HttpStatusCode.Created);

        var movedOut = (await _api.Post($"/api/households/{household}/move-out", new { reason = "户籍迁出", on = app.Clock.Today() }, village.Approver))
            .ShouldBe(HttpStatusCode.OK);
        var balance = await _api.Balance(household);
        var elsewhere = await _api.Post($"/api/villages/{(await _api.NewVillage(LedgerApp.ForfeitingTownship)).Id}/households",
            new { householdNo = "0001", headName = "张三明", idNumber }, _api.Admin);

        Assert.Equal(12, (int)movedOut.Json["forfeited"]!);
        Assert.Equal((0, 12), ((int)balance["available"]!["total"]!, (int)balance["earned"]!["total"]!));
        elsewhere.ShouldBe(HttpStatusCode.Created);
        Assert.Contains(await _api.Ledger(household), e => (string?)e!["kind"] == "moved-out" && (int)e["available"]! == -12);
    }

    [Fact]
    public async Task A_household_moves_between_the_villages_grids_and_an_unknown_grid_is_refused()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village);
        (await _api.Post($"/api/villages/{village.Id}/grids", new { code = "G2", name = "二网格" }, village.Cadre)).ShouldBe(HttpStatusCode.Created);

        var moved = await _api.Post($"/api/households/{household}/grid", new { grid = "G2", reason = "搬到新宅" }, village.Cadre);
        var unknown = await _api.Post($"/api/households/{household}/grid", new { grid = "G9" }, village.Cadre);

        Assert.Equal("G2", (string?)moved.ShouldBe(HttpStatusCode.OK).Json["grid"]);
        unknown.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "unknown-grid");
        Assert.Single(await _api.Ledger(household), e => (string?)e!["kind"] == "grid-changed");
    }

    [Fact]
    public async Task Moving_out_withdraws_the_awards_waiting_for_approval_so_the_month_still_closes_and_is_not_dated_before_the_last_award()
    {
        var village = await _api.NewVillage();
        var twoMonthsAgo = new DateOnly(app.Clock.Today().Year, app.Clock.Today().Month, 1).AddMonths(-2);
        var household = await _api.NewHousehold(village);
        var pending = (await _api.Award(village, household, await _api.NewRule(village, "blue", 10, requiresApproval: true), twoMonthsAgo.AddDays(4).ToString("yyyy-MM-dd")))
            .Guid("awardId");
        (await _api.Award(village, household, await _api.NewRule(village, "red", 3), twoMonthsAgo.AddDays(9).ToString("yyyy-MM-dd"))).ShouldBe(HttpStatusCode.Created);

        var backdated = await _api.Post($"/api/households/{household}/move-out", new { reason = "迁出", on = twoMonthsAgo.AddDays(5) }, village.Cadre);
        var movedOut = await _api.Post($"/api/households/{household}/move-out", new { reason = "迁出", on = twoMonthsAgo.AddDays(9) }, village.Cadre);
        var queue = (await _api.Get($"/api/awards?villageId={village.Id}", village.Approver)).Json["items"]!.AsArray();
        var closed = await _api.CloseMonth(village, $"{twoMonthsAgo:yyyy-MM}");

        backdated.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "moved-out-before-last-award");
        Assert.Equal(pending, Guid.Parse((string)movedOut.ShouldBe(HttpStatusCode.OK).Json["withdrawn"]!.AsArray().Single()!));
        Assert.Empty(queue);
        closed.ShouldBe(HttpStatusCode.Created);
        Assert.Equal("revoked", (string?)(await _api.Get($"/api/awards/{pending}", village.Approver)).Json["status"]);
    }

    [Fact]
    public async Task A_phone_that_a_moved_out_household_had_signs_in_to_the_household_that_has_it_now_and_a_mini_app_bound_before_a_phone_change_no_longer_signs_in()
    {
        var village = await _api.NewVillage();
        var phone = $"136{Random.Shared.Next(10_000_000, 99_999_999)}";
        var (leaving, _, _) = await Register(village, phone);
        var openId = $"open-{Guid.NewGuid():N}";
        var byPhone = (string)(await SignIn(phone)).ShouldBe(HttpStatusCode.OK).Json["accessToken"]!;
        (await _api.Post("/api/me/mini-app", new { code = $"wx:{openId}" }, byPhone)).ShouldBe(HttpStatusCode.OK);
        (await _api.Post($"/api/households/{leaving}/move-out", new { reason = "分户", on = app.Clock.Today() }, village.Cadre)).ShouldBe(HttpStatusCode.OK);
        var (staying, _, _) = await Register(village, phone);

        var signedIn = await SignIn(phone);
        (await _api.Post($"/api/households/{leaving}/phone", new { phone = (string?)null }, village.Cadre))
            .ShouldBeProblem(HttpStatusCode.Conflict, "household-closed");
        var other = await _api.NewVillage();
        var (changing, _, _) = await Register(other, $"135{Random.Shared.Next(10_000_000, 99_999_999)}");
        var changingPhone = (string)(await _api.Get($"/api/households/{changing}", other.Cadre)).Json["phone"]!;
        var session = (string)(await SignIn(changingPhone)).Json["accessToken"]!;
        var otherOpenId = $"open-{Guid.NewGuid():N}";
        (await _api.Post("/api/me/mini-app", new { code = $"wx:{otherOpenId}" }, session)).ShouldBe(HttpStatusCode.OK);
        (await _api.Post($"/api/households/{changing}/phone", new { phone = $"134{Random.Shared.Next(10_000_000, 99_999_999)}" }, other.Cadre))
            .ShouldBe(HttpStatusCode.OK);
        var boundBefore = await _api.Post("/api/auth/mini-app/sign-in", new { code = $"wx:{otherOpenId}" }, token: null);

        Assert.Equal(staying, signedIn.ShouldBe(HttpStatusCode.OK).Guid("householdId"));
        boundBefore.ShouldBeProblem(HttpStatusCode.Unauthorized, "mini-app-not-bound");
    }
}
