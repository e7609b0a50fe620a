using System.Net;
using System.Net.Http.Headers;

namespace PointsLedger.Api.Tests.Redemptions;

[Collection(LedgerCollection.Name)]
public sealed class RedemptionTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    [Fact]
    public async Task A_clerk_scans_the_residents_code_sees_the_quote_and_redeems_it_once()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 30, limit: 1);
        var household = await _api.HouseholdWith(village, ("red", 50, null));
        using var http = app.Host.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _api.Token("resident", householdId: household));
        var qrToken = Zbar.Decode(await http.GetByteArrayAsync("/api/me/qr"));

        var quote = (await _api.Post("/api/redemptions/quote", new { merchantId = shop.Id, qrToken }, shop.Clerk)).ShouldBe(HttpStatusCode.OK).Json;
        var redeemed = (await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, qrToken })).ShouldBe(HttpStatusCode.Created).Json;
        var again = await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, qrToken });

        Assert.Equal("张*明", (string?)quote["name"]);
        Assert.Equal(50, (int)quote["available"]!["red"]!);
        Assert.Equal(1, (int)quote["offers"]![0]!["affordable"]!);
        Assert.Equal(30, (int)redeemed["points"]!);
        Assert.Equal(10.00m, (decimal)redeemed["cashValue"]!);
        Assert.Equal(20, (int)redeemed["availableAfter"]!["total"]!);
        Assert.Matches("^[0-9]{8}-[0-9A-Z]{8}$", (string?)redeemed["receiptNo"]);
        again.ShouldBeProblem(HttpStatusCode.Conflict, "token-used");
        var balance = await _api.Balance(household);
        Assert.Equal(50, (int)balance["earned"]!["total"]!);
        Assert.Equal(20, (int)balance["available"]!["total"]!);
        var line = (await _api.Ledger(household)).Single(e => (string?)e!["kind"] == "redemption")!;
        Assert.Equal(-30, (int)line["available"]!);
        Assert.Equal((string?)redeemed["redemptionId"], (string?)line["redemptionId"]);
    }

    [Fact]
    public async Task Tampered_and_expired_tokens_are_refused_and_change_nothing()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 5);
        var household = await _api.HouseholdWith(village, ("green", 20, null));
        var token = app.QrToken(household);
        var tampered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];

        var forged = await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, qrToken = tampered });
        var garbage = await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, qrToken = "PL1.%%%.%%%" });
        using (app.Clock.Pin(app.Clock.GetUtcNow().AddMinutes(3)))
        {
            (await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, qrToken = token })).ShouldBeProblem(HttpStatusCode.Conflict, "token-expired");
            (await _api.Post("/api/redemptions/quote", new { merchantId = shop.Id, qrToken = token }, shop.Clerk)).ShouldBeProblem(HttpStatusCode.Conflict, "token-expired");
        }

        forged.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "token-invalid");
        garbage.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "token-invalid");
        Assert.Equal(20, await _api.Available(household));
    }

    [Fact]
    public async Task Concurrent_scans_of_one_code_redeem_exactly_once()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 1);
        var household = await _api.HouseholdWith(village, ("blue", 100, null));
        var qrToken = app.QrToken(household);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, qrToken })));

        Assert.Single(responses, r => r.Status == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.Created), r => r.ShouldBeProblem(HttpStatusCode.Conflict, "token-used"));
        Assert.Equal(99, await _api.Available(household));
    }

    [Fact]
    public async Task An_offer_that_takes_one_colour_spends_only_that_colour_oldest_grant_first()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village, "pharmacy");
        var greenOnly = await _api.NewOffer(shop, 15, colors: ["green"]);
        var anyColour = await _api.NewOffer(shop, 10);
        var lastYear = $"{app.Clock.GetUtcNow().Year - 1}-06-01";
        var household = await _api.HouseholdWith(village, ("red", 10, lastYear), ("green", 10, lastYear), ("green", 10, null), ("red", 10, null));

        (await _api.Redeem(_api.Admin, new { merchantId = shop.Id, offerId = greenOnly, householdId = household })).ShouldBe(HttpStatusCode.Created);
        (await _api.Redeem(_api.Admin, new { merchantId = shop.Id, offerId = anyColour, householdId = household })).ShouldBe(HttpStatusCode.Created);
        var tooMuchGreen = await _api.Redeem(_api.Admin, new { merchantId = shop.Id, offerId = greenOnly, householdId = household });

        var available = (await _api.Balance(household))["available"]!;
        Assert.Equal(5, (int)available["green"]!);
        Assert.Equal(10, (int)available["red"]!);
        tooMuchGreen.ShouldBeProblem(HttpStatusCode.Conflict, "insufficient-points");
        var ledger = await _api.Ledger(household);
        Assert.Equal([-15], ledger.Where(e => (string?)e!["kind"] == "redemption" && (string?)e["color"] == "green").Select(e => (int)e!["available"]!).Order());
    }

    [Fact]
    public async Task A_monthly_limit_holds_at_its_boundary_and_opens_again_next_month()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village, "bank");
        var voucher = await _api.NewOffer(shop, 10, limit: 2, cashValue: 20.00m);
        var household = await _api.HouseholdWith(village, ("purple", 100, null));
        var body = new { merchantId = shop.Id, offerId = voucher, householdId = household };
        var now = app.Clock.GetUtcNow();
        using var pinned = app.Clock.Pin(now);

        (await _api.Redeem(_api.Admin, body)).ShouldBe(HttpStatusCode.Created);
        (await _api.Redeem(_api.Admin, body)).ShouldBe(HttpStatusCode.Created);
        var third = await _api.Redeem(_api.Admin, body);
        var quote = (await _api.Post("/api/redemptions/quote", new { merchantId = shop.Id, householdId = household }, _api.Admin)).Json;
        app.Clock.Set(new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.FromHours(8)).AddMonths(1));
        var nextMonth = await _api.Redeem(_api.Admin, body);

        third.ShouldBeProblem(HttpStatusCode.Conflict, "limit-reached");
        Assert.Equal(0, (int)quote["offers"]![0]!["leftThisMonth"]!);
        nextMonth.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(70, await _api.Available(household));
    }

    [Fact]
    public async Task A_reversal_gives_back_the_points_and_the_stock_once_and_only_within_its_days()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var otherShop = await _api.NewShop(village);
        var sku = await _api.NewGoods(shop, 8, stock: 5);
        var offer = await _api.NewOffer(shop, 4);
        var household = await _api.HouseholdWith(village, ("orange", 20, null), ("blue", 20, null));
        var body = new { merchantId = shop.Id, items = new object[] { new { sku, quantity = 2 }, new { offerId = offer, quantity = 1 } }, householdId = household };
        var redemption = (await _api.Redeem(_api.Admin, body)).ShouldBe(HttpStatusCode.Created).Guid("redemptionId");
        var late = (await _api.Redeem(_api.Admin, body)).ShouldBe(HttpStatusCode.Created).Guid("redemptionId");

        var byOtherShop = await _api.Post($"/api/redemptions/{redemption}/reverse", new { reason = "扫错了" }, otherShop.Clerk);
        var reversed = (await _api.Post($"/api/redemptions/{redemption}/reverse", new { reason = "扫错了" }, shop.Clerk)).ShouldBe(HttpStatusCode.OK).Json;
        var twice = await _api.Post($"/api/redemptions/{redemption}/reverse", new { reason = "再冲" }, shop.Clerk);
        Response tooLate;
        using (app.Clock.Pin(app.Clock.GetUtcNow().AddDays(8)))
        {
            tooLate = await _api.Post($"/api/redemptions/{late}/reverse", new { reason = "太晚" }, shop.Clerk);
        }

        byOtherShop.ShouldBeProblem(HttpStatusCode.NotFound, "redemption-not-found");
        Assert.Equal(20, (int)reversed["pointsReturned"]!);
        twice.ShouldBeProblem(HttpStatusCode.Conflict, "redemption-already-reversed");
        tooLate.ShouldBeProblem(HttpStatusCode.Conflict, "reversal-window-passed");
        var merchant = (await _api.Get($"/api/merchants/{shop.Id}", shop.Clerk)).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(3, (int)merchant["goods"]![sku]!["stock"]!);
        var receipt = (await _api.Get($"/api/redemptions/{redemption}", _api.Token("resident", householdId: household))).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal("扫错了", (string?)receipt["reversal"]!["reason"]);
        // The first redemption drew the orange lot and the second the blue one; the reversal refilled the orange lot.
        var after = (await _api.Balance(household))["available"]!;
        Assert.Equal((20, 0), ((int)after["orange"]!, (int)after["blue"]!));
    }

    [Fact]
    public async Task A_retried_redemption_returns_the_first_receipt_and_spends_once()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 10);
        var household = await _api.HouseholdWith(village, ("red", 50, null));
        var key = Guid.NewGuid().ToString();
        var body = new { merchantId = shop.Id, offerId = offer, qrToken = app.QrToken(household) };

        var first = (await _api.Redeem(shop.Clerk, body, key)).ShouldBe(HttpStatusCode.Created);
        var retry = (await _api.Redeem(shop.Clerk, body, key)).ShouldBe(HttpStatusCode.Created);

        Assert.True(retry.Replayed);
        Assert.Equal(first.Guid("redemptionId"), retry.Guid("redemptionId"));
        Assert.Equal(40, await _api.Available(household));
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_every_failing_field_and_change_nothing()
    {
        var village = await _api.NewVillage();
        var elsewhere = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 5);
        var household = await _api.HouseholdWith(village, ("red", 50, null));
        var stranger = await _api.HouseholdWith(elsewhere, ("red", 50, null));

        var shapeless = await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, items = new[] { new { quantity = 0 } }, cardNo = "12", idLast6 = "abc" });
        var clerkById = await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, householdId = household });
        var notServed = await _api.Redeem(_api.Admin, new { merchantId = shop.Id, offerId = offer, householdId = stranger });
        var unknownOffer = await _api.Redeem(_api.Admin, new { merchantId = shop.Id, offerId = Guid.NewGuid(), householdId = household });
        var badMoney = await _api.Post($"/api/merchants/{shop.Id}/offers", new { title = "抵扣", points = 5, cashValue = 1.005m }, _api.Admin);

        shapeless.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        var fields = shapeless.Json["errors"]!.AsObject().Select(e => e.Key.ToLowerInvariant()).ToList();
        Assert.Contains(fields, f => f.Contains("quantity"));
        Assert.Contains(fields, f => f.Contains("offerid"));
        Assert.Contains(fields, f => f.Contains("cardno"));
        Assert.Contains(fields, f => f.Contains("idlast6"));
        clerkById.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        notServed.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "village-not-served");
        unknownOffer.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "unknown-offer");
        badMoney.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(50, await _api.Available(household));
        Assert.Equal(50, await _api.Available(stranger));
    }

    [Fact]
    public async Task Our_own_validation_messages_follow_accept_language()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var body = new { merchantId = shop.Id, offerId = Guid.NewGuid(), cardNo = "12", idLast6 = "123456" };

        var english = await _api.Post("/api/redemptions", body, shop.Clerk, language: "en");
        var chinese = await _api.Post("/api/redemptions", body, shop.Clerk);

        Assert.Contains("A card number has 12 digits", english.Body);
        Assert.Contains("卡号为 12 位数字", chinese.Body);
    }
}
