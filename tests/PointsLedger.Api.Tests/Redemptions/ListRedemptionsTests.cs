using PointsLedger.Http;
using System.Net;

namespace PointsLedger.Api.Tests.Redemptions;

[Collection(LedgerCollection.Name)]
public sealed class ListRedemptionsTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    [Fact]
    public async Task A_clerk_lists_the_days_redemptions_newest_first_with_reversals_noted_and_only_their_own()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var otherShop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 10);
        var household = await _api.HouseholdWith(village, ("red", 50, null));
        var first = (await _api.Redeem(_api.Admin, new { merchantId = shop.Id, offerId = offer, householdId = household })).ShouldBe(HttpStatusCode.Created);
        var second = (await _api.Redeem(_api.Admin, new { merchantId = shop.Id, offerId = offer, householdId = household })).ShouldBe(HttpStatusCode.Created);
        (await _api.Post($"/api/redemptions/{first.Guid("redemptionId")}/reverse", new { reason = "顾客退货" }, shop.Clerk)).ShouldBe(HttpStatusCode.OK);

        var today = (await _api.Get($"/api/merchants/{shop.Id}/redemptions", shop.Clerk)).ShouldBe(HttpStatusCode.OK).Json.AsArray();
        var yesterday = (await _api.Get($"/api/merchants/{shop.Id}/redemptions?on={app.Clock.Today().AddDays(-1):yyyy-MM-dd}", shop.Clerk))
            .ShouldBe(HttpStatusCode.OK).Json.AsArray();
        var byOtherClerk = await _api.Get($"/api/merchants/{shop.Id}/redemptions", otherShop.Clerk);

        Assert.Equal([second.Guid("redemptionId"), first.Guid("redemptionId")], today.Select(r => (Guid)r!["redemptionId"]!));
        Assert.Null(today[0]!["reversal"]);
        Assert.Equal("顾客退货", (string?)today[1]!["reversal"]!["reason"]);
        Assert.Equal("张*明", (string?)today[0]!["name"]);
        Assert.Empty(yesterday);
        Assert.Equal(HttpStatusCode.NotFound, byOtherClerk.Status);
    }
}
