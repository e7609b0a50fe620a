using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PointsLedger.PaymentCodes;

namespace PointsLedger.Api.Tests.Redemptions;

public sealed record TestShop(Guid Id, string Clerk);

/// <summary>The steps redemption tests start with: a merchant and its clerk, offers, goods, a household with points.</summary>
public static class ShopSteps
{
    public static async Task<TestShop> NewShop(this LedgerClient api, TestVillage village, string kind = "supermarket")
    {
        var id = (await api.Post("/api/merchants", new { name = "五色超市", kind, villageIds = new[] { village.Id } }, api.Admin))
            .ShouldBe(HttpStatusCode.Created).Guid("merchantId");
        return new TestShop(id, api.Token("clerk", merchantId: id));
    }

    public static async Task<Guid> NewOffer(this LedgerClient api, TestShop shop, int points, int? limit = null, string[]? colors = null, decimal cashValue = 10.00m) =>
        (await api.Post($"/api/merchants/{shop.Id}/offers",
            new { title = $"{points} 分抵 {cashValue} 元", points, cashValue, monthlyLimitPerHousehold = limit, acceptedColors = colors }, api.Admin))
        .ShouldBe(HttpStatusCode.Created).Guid("offerId");

    /// <summary>Goods the clerk lists with their point price; an admin then sets what the township pays for them.</summary>
    public static async Task<string> NewGoods(this LedgerClient api, TestShop shop, int points, int stock, decimal cashValue = 5.50m)
    {
        var sku = $"G{Guid.NewGuid():N}"[..10];
        (await api.Post($"/api/merchants/{shop.Id}/goods", new { sku, name = "洗衣粉", points, stock }, shop.Clerk)).ShouldBe(HttpStatusCode.Created);
        (await api.Post($"/api/merchants/{shop.Id}/goods/{sku}/cash-value", new { cashValue }, api.Admin)).ShouldBe(HttpStatusCode.OK);
        return sku;
    }

    /// <summary>A new household holding the given grants, each by a rule of its own (dated today unless given).</summary>
    public static async Task<Guid> HouseholdWith(this LedgerClient api, TestVillage village, params (string Color, int Points, string? On)[] grants)
    {
        var household = await api.NewHousehold(village);
        foreach (var (color, points, on) in grants)
        {
            (await api.Award(village, household, await api.NewRule(village, color, points), on)).ShouldBe(HttpStatusCode.Created);
        }
        return household;
    }

    /// <summary>A payment token as the resident's app would show it now.</summary>
    public static string QrToken(this LedgerApp app, Guid householdId) =>
        new PaymentToken(householdId, Guid.NewGuid(), app.Clock.GetUtcNow() + PaymentToken.Lifetime)
            .Sign(app.Host.Services.GetRequiredService<PaymentCodeKey>().Value);

    public static Task<Response> Redeem(this LedgerClient api, string token, object body, string? key = null) =>
        api.Post("/api/redemptions", body, token, key);

    public static async Task<int> Available(this LedgerClient api, Guid householdId, string color = "total") =>
        (int)(await api.Balance(householdId))["available"]![color]!;
}
