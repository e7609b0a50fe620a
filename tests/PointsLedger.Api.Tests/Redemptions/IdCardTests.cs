using System.Net;
using PointsLedger.Auth;

namespace PointsLedger.Api.Tests.Redemptions;

[Collection(LedgerCollection.Name)]
public sealed class IdCardTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    [Fact]
    public async Task The_id_card_alone_finds_the_household_and_five_unknown_numbers_stop_that_clerk_for_the_day()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 10);
        var idNumber = IdNumbers.Valid();
        var household = (await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo = $"H{Guid.NewGuid():N}"[..10], headName = "韩金花", idNumber }, village.Cadre)).ShouldBe(HttpStatusCode.Created).Guid("householdId");
        (await _api.Award(village, household, await _api.NewRule(village, "green", 30))).ShouldBe(HttpStatusCode.Created);
        var elsewhere = await _api.NewVillage("别的街道");
        var strangerId = IdNumbers.Valid();
        (await _api.Post($"/api/villages/{elsewhere.Id}/households", new { householdNo = "0001", headName = "外乡人", idNumber = strangerId }, elsewhere.Cadre))
            .ShouldBe(HttpStatusCode.Created);
        var now = app.Clock.GetUtcNow();
        using var pinned = app.Clock.Pin(now);

        var quote = (await _api.Post("/api/redemptions/quote", new { merchantId = shop.Id, idNumber = idNumber.ToLowerInvariant() }, shop.Clerk)).ShouldBe(HttpStatusCode.OK).Json;
        var redeemed = await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, idNumber });
        var malformed = await _api.Post("/api/redemptions/quote", new { merchantId = shop.Id, idNumber = idNumber[..17] + (idNumber[17] == '0' ? "1" : "0") }, shop.Clerk);
        var tries = new List<Response>();
        foreach (var unknown in new[] { strangerId, IdNumbers.Valid(), IdNumbers.Valid(), IdNumbers.Valid(), IdNumbers.Valid() })
        {
            tries.Add(await _api.Post("/api/redemptions/quote", new { merchantId = shop.Id, idNumber = unknown }, shop.Clerk));
        }
        var rightButLocked = await _api.Post("/api/redemptions/quote", new { merchantId = shop.Id, idNumber }, shop.Clerk);
        var anotherClerk = await _api.Post("/api/redemptions/quote", new { merchantId = shop.Id, idNumber }, _api.Token(Roles.Clerk, merchantId: shop.Id));
        app.Clock.Set(now.AddDays(1));
        var tomorrow = await _api.Post("/api/redemptions/quote", new { merchantId = shop.Id, idNumber }, shop.Clerk);

        Assert.Equal((household.ToString(), "idNumber", "韩*花"), ((string?)quote["householdId"], (string?)quote["identifiedBy"], (string?)quote["name"]));
        redeemed.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(20, await _api.Available(household));
        malformed.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.All(tries.Take(4), t => t.ShouldBeProblem(HttpStatusCode.NotFound, "id-number-unknown"));
        Assert.Contains("1", (string?)tries[3].Json["detail"]);
        tries[4].ShouldBeProblem(HttpStatusCode.Conflict, "id-number-locked");
        rightButLocked.ShouldBeProblem(HttpStatusCode.Conflict, "id-number-locked");
        anotherClerk.ShouldBe(HttpStatusCode.OK);
        tomorrow.ShouldBe(HttpStatusCode.OK);
    }
}
