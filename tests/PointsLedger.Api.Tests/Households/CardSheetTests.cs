using System.Net;

namespace PointsLedger.Api.Tests.Households;

[Collection(LedgerCollection.Name)]
public sealed class CardSheetTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    private async Task<string> RegisterAsync(TestVillage village, string householdNo, string grid) =>
        (string)(await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo, headName = "严秀梅", idNumber = IdNumbers.Valid(), grid }, village.Cadre)).ShouldBe(HttpStatusCode.Created).Json["cardNo"]!;

    [Fact]
    public async Task A_grids_cards_print_ten_to_an_a4_page_each_qr_code_holding_its_card_number()
    {
        var village = await _api.NewVillage();
        (await _api.Post($"/api/villages/{village.Id}/grids", new { code = "G1", name = "一网格" }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        (await _api.Post($"/api/villages/{village.Id}/grids", new { code = "G2", name = "二网格" }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var cards = new List<string>();
        for (var i = 1; i <= 11; i++) cards.Add(await RegisterAsync(village, $"{i:000}", "G1"));
        var elsewhere = await RegisterAsync(village, "900", "G2");

        var pdf = await _api.Download($"/api/villages/{village.Id}/cards.pdf?grid=G1", village.Cadre);
        var firstPage = Zbar.Decode(PrintTools.FirstPageAsPng(pdf)).Split('\n', StringSplitOptions.TrimEntries).Order().ToList();
        var text = PrintTools.Text(pdf);

        Assert.Equal("2", PrintTools.Info(pdf)["Pages"]);
        Assert.Equal(cards.Take(10).Order().ToList(), firstPage);
        Assert.Contains(string.Join(' ', cards[10].Chunk(4).Select(c => new string(c))), text);
        Assert.DoesNotContain(string.Join(' ', elsewhere.Chunk(4).Select(c => new string(c))), text);
        Assert.Matches(@"测试村 一网格\s*第 2 页，共 2 页", text);
        (await _api.Get($"/api/villages/{village.Id}/cards.pdf?grid=G9", village.Cadre)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "unknown-grid");
    }
}
