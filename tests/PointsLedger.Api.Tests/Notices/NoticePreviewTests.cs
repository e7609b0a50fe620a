using System.Net;

namespace PointsLedger.Api.Tests.Notices;

[Collection(LedgerCollection.Name)]
public sealed class NoticePreviewTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);
    private readonly LastMonth _last = new(app);

    [Fact]
    public async Task The_preview_lists_the_awards_still_pending_first_and_then_shows_the_notice_the_close_posts()
    {
        var village = await _api.NewVillage();
        var plain = await _api.NewRule(village, "green", 4);
        var checkedRule = await _api.NewRule(village, "red", 6, requiresApproval: true);
        var first = await _api.NewHousehold(village, "001");
        await _api.AwardOn(village, first, plain, _last.Day(3));
        var waiting = await _api.AwardOn(village, await _api.NewHousehold(village, "002"), checkedRule, _last.Day(9));

        var blocked = (await _api.Get($"/api/villages/{village.Id}/notices/{_last.Text}/preview", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json;
        (await _api.Post($"/api/awards/{waiting}/approve", new { }, village.Approver)).ShouldBe(HttpStatusCode.OK);
        var ready = (await _api.Get($"/api/villages/{village.Id}/notices/{_last.Text}/preview", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json;
        (await _api.CloseMonth(village, _last.Text)).ShouldBe(HttpStatusCode.Created);
        var posted = (await _api.Get($"/api/villages/{village.Id}/notices/{_last.Text}", village.Cadre)).Json;
        var after = (await _api.Get($"/api/villages/{village.Id}/notices/{_last.Text}/preview", village.Cadre)).Json;

        Assert.Equal(("awards-pending", "002"), ((string?)blocked["blocked"]!["code"], (string?)blocked["pending"]![0]!["householdNo"]));
        Assert.Null(ready["blocked"]);
        Assert.Empty(ready["pending"]!.AsArray());
        string Lines(System.Text.Json.Nodes.JsonNode notice) => string.Join('|', notice["households"]!.AsArray()
            .Select(l => $"{l!["householdNo"]} {l["earned"]!["total"]} {l["yearToDate"]!["total"]} {l["rank"]}"));
        Assert.Equal(Lines(posted), Lines(ready));
        Assert.Equal(posted["entries"]!.ToJsonString(), ready["entries"]!.ToJsonString());
        Assert.Equal("month-already-closed", (string?)after["blocked"]!["code"]);
    }
}
