using System.Net;
using PointsLedger.Api.Tests.Notices;

namespace PointsLedger.Api.Tests.Platform;

/// <summary>Printable pages open from a link that carries no bearer header, for their own page only, and only to read.</summary>
[Collection(LedgerCollection.Name)]
public sealed class PrintLinkTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);
    private readonly LastMonth _last = new(app);

    private async Task<TestVillage> ClosedVillageAsync()
    {
        var village = await _api.NewVillage();
        await _api.AwardOn(village, await _api.NewHousehold(village), await _api.NewRule(village, "green", 4), _last.Day(3));
        (await _api.CloseMonth(village, _last.Text)).ShouldBe(HttpStatusCode.Created);
        return village;
    }

    private async Task<string> LinkAsync(string path, string token) =>
        (string)(await _api.Post("/api/print-links", new { path }, token)).ShouldBe(HttpStatusCode.OK).Json["url"]!;

    [Fact]
    public async Task A_print_link_opens_its_notice_sheet_without_a_bearer_header_and_nothing_else()
    {
        var village = await ClosedVillageAsync();
        var sheet = $"/api/villages/{village.Id}/notices/{_last.Text}.html";
        var link = await LinkAsync($"{sheet}?paper=a3", village.Cadre);
        var token = link[(link.IndexOf("print=", StringComparison.Ordinal) + "print=".Length)..];

        var opened = await _api.Get(link, token: null);
        var otherFormat = await _api.Get($"/api/villages/{village.Id}/notices/{_last.Text}.pdf?print={token}", token: null);
        var asBearer = await _api.Get(sheet, Uri.UnescapeDataString(token));
        var written = await _api.Send(HttpMethod.Post, $"/api/villages/{village.Id}/notices?print={token}", token: null, json: $$"""{"month":"{{_last.Text}}"}""");
        var apiTokenInTheQuery = await _api.Get($"{sheet}?print={Uri.EscapeDataString(village.Cadre)}", token: null);

        opened.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("A3", opened.Body, StringComparison.OrdinalIgnoreCase);
        otherFormat.ShouldBeProblem(HttpStatusCode.Unauthorized, "print-link-invalid");
        asBearer.ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
        written.ShouldBeProblem(HttpStatusCode.Unauthorized, "print-link-invalid");
        apiTokenInTheQuery.ShouldBeProblem(HttpStatusCode.Unauthorized, "print-link-invalid");
    }

    [Fact]
    public async Task A_print_link_grants_only_what_its_maker_may_read()
    {
        var village = await ClosedVillageAsync();
        var other = await _api.NewVillage();
        var link = await LinkAsync($"/api/villages/{village.Id}/notices/{_last.Text}.pdf", other.Cadre);

        (await _api.Get(link, token: null)).ShouldBeProblem(HttpStatusCode.NotFound, "notice-not-found");
    }

    [Fact]
    public async Task Only_printable_pages_get_a_link()
    {
        var village = await _api.NewVillage();

        (await _api.Post("/api/print-links", new { path = $"/api/villages/{village.Id}/households" }, village.Cadre))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "not-printable");
        (await _api.Post("/api/print-links", new { path = "/api/reports/summary?print=x" }, village.Cadre))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "not-printable");
        (await _api.Post("/api/print-links", new { path = "/api/reports/summary" }, token: null)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
