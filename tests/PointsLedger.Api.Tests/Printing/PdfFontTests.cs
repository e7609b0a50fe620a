using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PointsLedger.Api.Tests.Notices;
using PointsLedger.Printing;

namespace PointsLedger.Api.Tests.Printing;

[Collection(LedgerCollection.Name)]
public sealed class PdfFontTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);
    private readonly LastMonth _last = new(app);

    private async Task<TestVillage> ClosedVillage()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "orange", 5);
        await _api.AwardOn(village, await _api.NewHousehold(village), rule, _last.Day(3));
        (await _api.CloseMonth(village, _last.Text)).ShouldBe(HttpStatusCode.Created);
        return village;
    }

    [Fact]
    public async Task Fontconfig_finds_noto_sans_cjk_sc_and_the_notice_pdf_reads_back_in_chinese()
    {
        var face = new ChineseFonts().Find();
        var village = await ClosedVillage();

        var pdf = await _api.Download($"/api/villages/{village.Id}/notices/{_last.Text}.pdf", village.Cadre);

        Assert.NotNull(face);
        Assert.Equal(("Noto Sans CJK SC", "Regular"), (face.Family, face.Style));
        Assert.Contains("五色积分公示", PrintTools.Text(pdf));
    }

    [Fact]
    public async Task Without_a_chinese_font_a_pdf_is_a_503_problem_and_one_warning_and_a_font_installed_later_is_used_at_once()
    {
        var installed = new ChineseFonts().Find()!;
        var folder = Directory.CreateTempSubdirectory("fontconfig-").FullName;
        var fonts = Directory.CreateDirectory(Path.Combine(folder, "fonts")).FullName;
        var config = Path.Combine(folder, "fonts.conf");
        File.WriteAllText(config, $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig><dir>{fonts}</dir><cachedir>{folder}/cache</cachedir></fontconfig>
            """);
        var logs = new LogCapture();
        var village = await ClosedVillage();
        await using var host = await app.StartVariantAsync("Development", new Dictionary<string, string>(), logs,
            services => services.AddSingleton(new ChineseFonts(new Dictionary<string, string> { ["FONTCONFIG_FILE"] = config })));
        using var http = host.Server.CreateClient();
        var token = await http.PostAsync("/api/auth/dev-token",
            new StringContent($$"""{"role":"cadre","villageId":"{{village.Id}}"}""", Encoding.UTF8, "application/json"));
        http.DefaultRequestHeaders.Authorization = new("Bearer", System.Text.Json.JsonDocument.Parse(await token.Content.ReadAsStringAsync())
            .RootElement.GetProperty("accessToken").GetString());
        var url = $"/api/villages/{village.Id}/notices/{_last.Text}.pdf";

        using var refused = await http.GetAsync(url);
        var problem = await refused.Content.ReadAsStringAsync();
        File.CreateSymbolicLink(Path.Combine(fonts, Path.GetFileName(installed.File)), installed.File);
        using var served = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("\"code\":\"pdf-font-missing\"", problem);
        Assert.Contains("fonts-noto-cjk", problem);
        var warnings = logs.Lines.Where(line => line.StartsWith("Warning")).ToList();
        Assert.Single(warnings, line => line.Contains("No Chinese font for PDFs") && line.Contains("apt-get install fonts-noto-cjk"));
        Assert.Single(warnings, line => line.Contains("503 pdf-font-missing"));
        Assert.DoesNotContain(logs.Lines, line => line.StartsWith("Error") || line.Contains("   at "));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("五色积分公示", PrintTools.Text(await served.Content.ReadAsByteArrayAsync()));
        Directory.Delete(folder, recursive: true);
    }
}
