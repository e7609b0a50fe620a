using System.Net;

namespace PointsLedger.Api.Tests.Redemptions;

/// <summary>Fifty clerks at once against one household: the household's lock serialises them.</summary>
[Collection(LedgerCollection.Name)]
public sealed class RedemptionRaceTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    private async Task<Response[]> FiftyAtOnce(object body) =>
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => _api.Redeem(_api.Admin, body, $"race-{Guid.NewGuid():N}")));

    [Fact]
    public async Task Exactly_the_affordable_number_succeed_and_each_appears_once_in_the_ledger_and_the_statement()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 7, cashValue: 1.50m);
        var household = await _api.HouseholdWith(village, ("red", 60, null), ("green", 40, null));

        var responses = await FiftyAtOnce(new { merchantId = shop.Id, offerId = offer, householdId = household });

        var succeeded = responses.Where(r => r.Status == HttpStatusCode.Created).Select(r => r.Guid("redemptionId")).ToList();
        Assert.Equal(14, succeeded.Count);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.Created), r => r.ShouldBeProblem(HttpStatusCode.Conflict, "insufficient-points"));
        var balance = await _api.Balance(household);
        Assert.Equal(2, (int)balance["available"]!["total"]!);
        Assert.Equal(100, (int)balance["earned"]!["total"]!);
        var ledgerRedemptions = (await _api.Ledger(household)).Where(e => (string?)e!["kind"] == "redemption")
            .Select(e => Guid.Parse((string)e!["redemptionId"]!)).Distinct().Order().ToList();
        Assert.Equal(succeeded.Order(), ledgerRedemptions);
        var month = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");
        var statement = (await _api.Get($"/api/merchants/{shop.Id}/statements/{month}", shop.Clerk)).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(succeeded.Order(), statement["lines"]!.AsArray().Select(l => Guid.Parse((string)l!["redemptionId"]!)).Order());
        Assert.Equal(98, (int)statement["totals"]!["points"]!);
        Assert.Equal(21.00m, (decimal)statement["totals"]!["cashValue"]!);
    }

    [Fact]
    public async Task Stock_never_goes_below_zero()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var sku = await _api.NewGoods(shop, 1, stock: 10);
        var household = await _api.HouseholdWith(village, ("orange", 100, null));

        var responses = await FiftyAtOnce(new { merchantId = shop.Id, items = new[] { new { sku, quantity = 1 } }, householdId = household });

        Assert.Equal(10, responses.Count(r => r.Status == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.Created), r => r.ShouldBeProblem(HttpStatusCode.Conflict, "out-of-stock"));
        var merchant = (await _api.Get($"/api/merchants/{shop.Id}", shop.Clerk)).Json;
        Assert.Equal(0, (int)merchant["goods"]![sku]!["stock"]!);
        Assert.Equal(90, await _api.Available(household));
    }
}
