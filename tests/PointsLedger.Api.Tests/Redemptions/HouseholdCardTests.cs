using System.Net;
using System.Net.Http.Headers;

namespace PointsLedger.Api.Tests.Redemptions;

[Collection(LedgerCollection.Name)]
public sealed class HouseholdCardTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    [Fact]
    public async Task A_printed_card_redeems_with_the_id_digits_and_five_wrong_tries_lock_it_until_tomorrow()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 10);
        var idNumber = IdNumbers.Valid();
        var registered = (await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo = $"H{Guid.NewGuid():N}"[..10], headName = "李四英", idNumber }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var household = registered.Guid("householdId");
        (await _api.Award(village, household, await _api.NewRule(village, "green", 30))).ShouldBe(HttpStatusCode.Created);
        using var http = app.Host.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", village.Cadre);
        var cardNo = Zbar.Decode(await http.GetByteArrayAsync($"/api/households/{household}/card?format=png"));
        using var page = await http.GetAsync($"/api/households/{household}/card");
        var printable = await page.Content.ReadAsStringAsync();
        var wrong = idNumber[^6] == '9' ? "000000" : "999999";
        object Body(string idLast6) => new { merchantId = shop.Id, offerId = offer, cardNo, idLast6 };
        var now = app.Clock.GetUtcNow();
        using var pinned = app.Clock.Pin(now);

        var tries = new List<Response>();
        for (var i = 0; i < 5; i++) tries.Add(await _api.Redeem(shop.Clerk, Body(wrong)));
        var rightButLocked = await _api.Redeem(shop.Clerk, Body(idNumber[^6..]));
        app.Clock.Set(now.AddDays(1));
        var tomorrow = await _api.Redeem(shop.Clerk, Body(idNumber[^6..]));

        Assert.Equal((string?)registered.Json["cardNo"], cardNo);
        Assert.Contains("五色积分卡", printable);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("李*英", printable);
        Assert.DoesNotContain("李四英", printable);
        Assert.All(tries.Take(4), t => t.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "card-check-failed"));
        Assert.Contains("1", (string?)tries[3].Json["detail"]);
        tries[4].ShouldBeProblem(HttpStatusCode.Conflict, "card-locked");
        rightButLocked.ShouldBeProblem(HttpStatusCode.Conflict, "card-locked");
        tomorrow.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(20, await _api.Available(household));
    }

    [Fact]
    public async Task An_unknown_card_number_is_refused()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);

        var response = await _api.Post("/api/redemptions/quote", new { merchantId = shop.Id, cardNo = "000000000000", idLast6 = "123456" }, shop.Clerk);

        response.ShouldBeProblem(HttpStatusCode.NotFound, "card-not-found");
    }

    [Fact]
    public async Task A_clerk_whose_shop_does_not_serve_the_village_cannot_try_a_card_at_all()
    {
        var village = await _api.NewVillage();
        var elsewhere = await _api.NewVillage();
        var foreignShop = await _api.NewShop(elsewhere);
        var offer = await _api.NewOffer(foreignShop, 1);
        var idNumber = IdNumbers.Valid();
        var registered = (await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo = "C01", headName = "赵六", idNumber }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var cardNo = (string)registered.Json["cardNo"]!;

        var tries = new List<Response>();
        for (var i = 0; i < 6; i++) tries.Add(await _api.Redeem(foreignShop.Clerk, new { merchantId = foreignShop.Id, offerId = offer, cardNo, idLast6 = "000000" }));
        var ownShop = await _api.NewShop(village);
        var quote = await _api.Post("/api/redemptions/quote", new { merchantId = ownShop.Id, cardNo, idLast6 = idNumber[^6..] }, ownShop.Clerk);

        Assert.All(tries, t => t.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "village-not-served"));
        quote.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_card_prints_as_a_bank_card_sized_pdf_whose_qr_code_scans_to_the_card_number()
    {
        var village = await _api.NewVillage();
        var registered = (await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo = "P01", headName = "钱七妹", idNumber = IdNumbers.Valid() }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var cardNo = (string)registered.Json["cardNo"]!;

        var pdf = await _api.Download($"/api/households/{registered.Guid("householdId")}/card?format=pdf", village.Cadre);

        Assert.StartsWith("243 x 153", PrintTools.Info(pdf)["Page size"]);
        var text = PrintTools.Text(pdf);
        Assert.Contains("五色积分卡", text);
        Assert.Contains("钱*妹", text);
        Assert.Equal(cardNo, Zbar.Decode(PrintTools.FirstPageAsPng(pdf)));
    }

    [Fact]
    public async Task A_family_members_id_digits_open_the_card_once_an_approver_approves_and_a_person_is_registered_once()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 5);
        var registered = (await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo = "M01", headName = "孙大伯", idNumber = IdNumbers.Valid() }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var household = registered.Guid("householdId");
        (await _api.Award(village, household, await _api.NewRule(village, "orange", 10))).ShouldBe(HttpStatusCode.Created);
        var daughter = IdNumbers.Valid();

        object ByDaughter() => new { merchantId = shop.Id, offerId = offer, cardNo = (string)registered.Json["cardNo"]!, idLast6 = daughter[^6..] };

        var proposed = (await _api.Post($"/api/households/{household}/members", new { name = "孙小梅", idNumber = daughter, relation = "女儿" }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created);
        var memberId = proposed.Guid("memberId");
        var again = await _api.Post($"/api/households/{household}/members", new { name = "孙小梅", idNumber = daughter, relation = "女儿" }, village.Cadre);
        var whilePending = await _api.Redeem(shop.Clerk, ByDaughter());
        var approved = await _api.Post($"/api/households/{household}/members/{memberId}/approve", new { }, village.Approver);
        var redeemed = await _api.Redeem(shop.Clerk, ByDaughter());
        var seenByAuditor = (await _api.Get($"/api/households/{household}", _api.Token("auditor"))).Json;

        Assert.Equal("pending", (string?)proposed.Json["status"]);
        again.ShouldBeProblem(HttpStatusCode.Conflict, "member-already-registered");
        whilePending.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "card-check-failed");
        Assert.Equal("active", (string?)approved.ShouldBe(HttpStatusCode.OK).Json["status"]);
        redeemed.ShouldBe(HttpStatusCode.Created);
        Assert.Equal("孙*梅", (string?)seenByAuditor["members"]![0]!["name"]);
        Assert.Equal("active", (string?)seenByAuditor["members"]![0]!["status"]);
        Assert.DoesNotContain(daughter, seenByAuditor.ToJsonString());
    }

    [Fact]
    public async Task Nobody_adds_or_removes_a_member_alone()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village);
        var person = $"staff-{Guid.NewGuid():N}";
        var (proposingAdmin, cadre, sameAsApprover) = (_api.Token("admin", userId: person), _api.Token("cadre", village.Id, userId: person),
            _api.Token("approver", village.Id, userId: person));
        var url = $"/api/households/{household}/members";

        var member = (await _api.Post(url, new { name = "钱多多", idNumber = IdNumbers.Valid(), relation = "儿子" }, proposingAdmin))
            .ShouldBe(HttpStatusCode.Created).Guid("memberId");
        var byCadre = await _api.Post($"{url}/{member}/approve", new { }, village.Cadre);
        var byProposer = await _api.Post($"{url}/{member}/approve", new { }, proposingAdmin);
        var approved = await _api.Post($"{url}/{member}/approve", new { }, village.Approver);
        var removal = await _api.Post($"{url}/{member}/remove", new { reason = "迁出" }, cadre);
        var pendingView = (await _api.Get($"/api/households/{household}", village.Cadre)).Json;
        var removalBySamePerson = await _api.Post($"{url}/{member}/approve", new { }, sameAsApprover);
        var rejected = await _api.Post($"{url}/{member}/reject", new { reason = "仍在本户居住" }, village.Approver);
        var afterReject = (await _api.Get($"/api/households/{household}", village.Cadre)).Json;

        byCadre.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        byProposer.ShouldBeProblem(HttpStatusCode.Forbidden, "self-approval");
        Assert.Equal("active", (string?)approved.ShouldBe(HttpStatusCode.OK).Json["status"]);
        removal.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("removal-pending", (string?)pendingView["members"]![0]!["status"]);
        removalBySamePerson.ShouldBeProblem(HttpStatusCode.Forbidden, "self-approval");
        rejected.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("active", (string?)afterReject["members"]![0]!["status"]);
    }
}
