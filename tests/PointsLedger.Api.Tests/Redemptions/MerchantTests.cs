using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace PointsLedger.Api.Tests.Redemptions;

[Collection(LedgerCollection.Name)]
public sealed class MerchantTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    [Fact]
    public async Task A_merchant_takes_its_township_from_its_villages_and_refuses_villages_of_another()
    {
        var village = await _api.NewVillage();
        var elsewhere = await _api.NewVillage("明水街道");

        var created = (await _api.Post("/api/merchants", new { name = "健民药店", kind = "pharmacy", villageIds = new[] { village.Id } }, _api.Admin))
            .ShouldBe(HttpStatusCode.Created);
        var mixed = await _api.Post("/api/merchants", new { name = "跨街道", kind = "bank", villageIds = new[] { village.Id, elsewhere.Id } }, _api.Admin);
        var nowhere = await _api.Post("/api/merchants", new { name = "无处", kind = "bank" }, _api.Admin);
        var byTownshipAdmin = await _api.Post("/api/merchants", new { name = "农商行", kind = "bank" }, _api.Token("admin", township: "明水街道"));
        var unknownKind = await _api.Post("/api/merchants", new { name = "店", kind = "casino" }, _api.Admin);

        var merchant = (await _api.Get($"/api/merchants/{created.Guid("merchantId")}", _api.Admin)).Json;
        Assert.Equal("刁镇街道", (string?)merchant["township"]);
        Assert.Equal("pharmacy", (string?)merchant["kind"]);
        mixed.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "village-outside-township");
        nowhere.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "township-required");
        byTownshipAdmin.ShouldBe(HttpStatusCode.Created);
        Assert.Equal("明水街道", (string?)(await _api.Get($"/api/merchants/{byTownshipAdmin.Guid("merchantId")}", _api.Admin)).Json["township"]);
        unknownKind.ShouldBeProblem(HttpStatusCode.BadRequest, "malformed-request");
        var (admin, key) = (_api.Admin, Guid.NewGuid().ToString());
        var first = await _api.Post("/api/merchants", new { name = "重试药店", kind = "pharmacy", township = "刁镇街道" }, admin, key);
        var retry = await _api.Post("/api/merchants", new { name = "重试药店", kind = "pharmacy", township = "刁镇街道" }, admin, key);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Guid("merchantId"), retry.Guid("merchantId"));
    }

    [Fact]
    public async Task Restocking_and_counting_are_recorded_and_a_retried_restock_adds_once()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var sku = await _api.NewGoods(shop, 5, stock: 10);
        var key = Guid.NewGuid().ToString();

        var restocked = (await _api.Post($"/api/merchants/{shop.Id}/goods/{sku}/restock", new { quantity = 20, note = "进货" }, shop.Clerk, key)).Json;
        var retried = await _api.Post($"/api/merchants/{shop.Id}/goods/{sku}/restock", new { quantity = 20, note = "进货" }, shop.Clerk, key);
        var counted = (await _api.Post($"/api/merchants/{shop.Id}/goods/{sku}/count", new { counted = 27, note = "月底盘点" }, shop.Clerk)).Json;
        var duplicate = await _api.Post($"/api/merchants/{shop.Id}/goods", new { sku, name = "重复", points = 1, stock = 1 }, shop.Clerk);
        var unknown = await _api.Post($"/api/merchants/{shop.Id}/goods/NOPE/restock", new { quantity = 1 }, shop.Clerk);

        Assert.Equal(30, (int)restocked["stock"]!);
        Assert.True(retried.Replayed);
        Assert.Equal(27, (int)counted["stock"]!);
        Assert.Equal(27, (int)(await _api.Get($"/api/merchants/{shop.Id}", shop.Clerk)).Json["goods"]![sku]!["stock"]!);
        duplicate.ShouldBeProblem(HttpStatusCode.Conflict, "sku-taken");
        unknown.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "unknown-sku");
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var stream = await session.Events.FetchStreamAsync(shop.Id);
        Assert.Equal(-3, stream.Select(e => e.Data).OfType<PointsLedger.Merchants.StockCounted>().Single().Difference);
    }

    [Fact]
    public async Task Only_an_admin_sets_what_the_township_pays_and_never_above_the_ceiling_per_point()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var sku = $"P{Guid.NewGuid():N}"[..10];

        var pricedByClerk = await _api.Post($"/api/merchants/{shop.Id}/goods", new { sku, name = "香油", points = 1, cashValue = 1_000_000m, stock = 20 }, shop.Clerk);
        var listed = await _api.Post($"/api/merchants/{shop.Id}/goods", new { sku, name = "香油", points = 1, stock = 20 }, shop.Clerk);
        var repricedByClerk = await _api.Post($"/api/merchants/{shop.Id}/goods/{sku}/cash-value", new { cashValue = 0.50m }, shop.Clerk);
        var overCeiling = await _api.Post($"/api/merchants/{shop.Id}/goods/{sku}/cash-value", new { cashValue = 1_000_000m }, _api.Admin);
        var offerOverCeiling = await _api.Post($"/api/merchants/{shop.Id}/offers", new { title = "1 分抵 100 元", points = 1, cashValue = 100m }, _api.Admin);
        var otherTownship = await _api.Post($"/api/merchants/{shop.Id}/goods/{sku}/cash-value", new { cashValue = 0.50m }, _api.Token("admin", township: "明水街道"));
        var unknown = await _api.Post($"/api/merchants/{Guid.NewGuid()}/goods/{sku}/cash-value", new { cashValue = 0.50m }, _api.Admin);
        var priced = await _api.Post($"/api/merchants/{shop.Id}/goods/{sku}/cash-value", new { cashValue = 0.50m }, _api.Admin);
        var goods = (await _api.Get($"/api/merchants/{shop.Id}", shop.Clerk)).Json["goods"]![sku]!;

        pricedByClerk.ShouldBeProblem(HttpStatusCode.Forbidden, "cash-value-admin-only");
        listed.ShouldBe(HttpStatusCode.Created);
        repricedByClerk.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        overCeiling.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "cash-value-above-ceiling");
        offerOverCeiling.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "cash-value-above-ceiling");
        otherTownship.ShouldBeProblem(HttpStatusCode.NotFound, "merchant-not-found");
        unknown.ShouldBeProblem(HttpStatusCode.NotFound, "merchant-not-found");
        priced.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0.50m, (decimal)goods["cashValue"]!);
    }
}
