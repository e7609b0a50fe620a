using System.Net;

namespace PointsLedger.Api.Tests.Notices;

[Collection(LedgerCollection.Name)]
public sealed class PrintedNoticeTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);
    private readonly LastMonth _last = new(app);

    private async Task<TestVillage> VillageOf(int households)
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "orange", 5);
        var ids = new List<Guid>();
        for (var i = 1; i <= households; i++) ids.Add(await _api.NewHousehold(village, $"{i:D4}"));
        (await _api.Post("/api/awards/batch", new { villageId = village.Id, ruleCode = rule, householdIds = ids, occurredOn = _last.Day(8) }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created);
        (await _api.CloseMonth(village, _last.Text)).ShouldBe(HttpStatusCode.Created);
        return village;
    }

    [Fact]
    public async Task Sixty_households_fit_on_the_first_page_of_an_a4_landscape_sheet_printed_by_a_browser()
    {
        var village = await VillageOf(60);

        var html = (await _api.Get($"/api/villages/{village.Id}/notices/{_last.Text}.html", village.Cadre)).ShouldBe(HttpStatusCode.OK).Body;
        var pdf = PrintTools.PrintToPdf(html);

        var info = PrintTools.Info(pdf);
        Assert.StartsWith("841.", info["Page size"]);
        Assert.EndsWith("(A4)", info["Page size"]);
        var firstPage = PrintTools.Text(pdf, 1, 1);
        Assert.All(Enumerable.Range(1, 60), i => Assert.Contains($"{i:D4}", firstPage));
        Assert.Contains("合计", firstPage);
        Assert.Contains("五色积分公示", firstPage);
        Assert.DoesNotContain("加分、扣分明细", firstPage);
        Assert.Contains("加分、扣分明细", PrintTools.Text(pdf, 2));
    }

    [Fact]
    public async Task The_sheet_names_the_village_and_month_carries_the_short_digest_and_a_qr_code_to_the_check()
    {
        var village = await VillageOf(3);
        var notice = (await _api.Get($"/api/villages/{village.Id}/notices/{_last.Text}", village.Cadre)).Json;

        var a4 = (await _api.Get($"/api/villages/{village.Id}/notices/{_last.Text}.html", village.Cadre)).Body;
        var a3 = (await _api.Get($"/api/villages/{village.Id}/notices/{_last.Text}.html?paper=a3", village.Cadre)).Body;

        Assert.Contains("测试村", a4);
        Assert.Contains($"{_last.FirstDay.Year}年{_last.FirstDay.Month}月", a4);
        Assert.Contains(string.Join(' ', ((string)notice["digest"]!)[..16].Chunk(4).Select(c => new string(c))), a4);
        Assert.Contains("<svg", a4);
        Assert.Contains("size: A4 landscape", a4);
        Assert.Contains("size: A3 landscape", a3);
        Assert.DoesNotContain("张三明", a4);
    }

    [Fact]
    public async Task The_pdf_embeds_its_chinese_font_and_its_text_reads_back_as_written()
    {
        var village = await VillageOf(35);
        var notice = (await _api.Get($"/api/villages/{village.Id}/notices/{_last.Text}", village.Cadre)).Json;
        using var http = app.Host.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", village.Cadre);

        using var response = await http.GetAsync($"/api/villages/{village.Id}/notices/{_last.Text}.pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var a3 = await http.GetByteArrayAsync($"/api/villages/{village.Id}/notices/{_last.Text}.pdf?paper=a3");

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("(A4)", PrintTools.Info(pdf)["Page size"]);
        Assert.EndsWith("(A3)", PrintTools.Info(a3)["Page size"]);
        var text = PrintTools.Text(pdf);
        Assert.Contains("测试村", text);
        Assert.Contains($"{_last.FirstDay.Year}年{_last.FirstDay.Month}月", text);
        Assert.Contains("五色积分公示", text);
        Assert.Equal(35, text.Split("张*明").Length - 1);
        Assert.Contains((string)notice["households"]![34]!["proofCode"]!, text);
        Assert.Contains((string)notice["digest"]!, text);
        var fonts = PrintTools.Fonts(pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, font => Assert.Equal("yes", font.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5]));
    }

    [Fact]
    public async Task Markup_in_a_village_name_or_rule_title_prints_as_text_on_the_sheet_and_the_card()
    {
        const string name = "<script>alert(1)</script>村";
        var created = (await _api.Post("/api/villages", new { code = $"V{Guid.NewGuid():N}"[..20], name, township = "刁镇&街道" }, _api.Admin)).ShouldBe(HttpStatusCode.Created);
        var id = created.Guid("villageId");
        var village = new TestVillage(id, "", _api.Token("cadre", id), _api.Token("approver", id), _api.Token("approver", id));
        (await _api.Post($"/api/villages/{id}/rules", new { code = "X1", color = "red", title = "<img src=x onerror=alert(2)>", points = 3 }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var household = await _api.NewHousehold(village, "0001");
        (await _api.Award(village, household, "X1", _last.Day(3))).ShouldBe(HttpStatusCode.Created);
        (await _api.CloseMonth(village, _last.Text)).ShouldBe(HttpStatusCode.Created);

        var sheet = (await _api.Get($"/api/villages/{id}/notices/{_last.Text}.html", village.Cadre)).ShouldBe(HttpStatusCode.OK).Body;
        var card = (await _api.Get($"/api/households/{household}/card", village.Cadre)).ShouldBe(HttpStatusCode.OK).Body;

        Assert.All(new[] { sheet, card }, page =>
        {
            Assert.DoesNotContain("<script>", page);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;村", page);
            Assert.Contains("刁镇&amp;街道", page);
        });
        Assert.DoesNotContain("<img", sheet);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", sheet);
    }
}
