using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PointsLedger.PaymentCodes;

namespace PointsLedger.Api.Tests.PaymentCodes;

[Collection(LedgerCollection.Name)]
public sealed class PaymentCodeTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    private async Task<HttpResponseMessage> Get(string url, string token)
    {
        using var http = app.Host.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.GetAsync(url);
    }

    [Fact]
    public async Task A_residents_payment_code_is_a_png_that_an_independent_decoder_reads_as_a_signed_two_minute_token()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village);

        using var response = await Get("/api/me/qr", _api.Token("resident", householdId: household));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        var token = PaymentToken.Verify(Zbar.Decode(png), app.Host.Services.GetRequiredService<PaymentCodeKey>().Value);
        Assert.NotNull(token);
        Assert.Equal(household, token.HouseholdId);
        Assert.InRange(token.ExpiresAt - app.Clock.GetUtcNow(), TimeSpan.FromSeconds(100), TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Village_staff_can_show_a_households_code_as_svg_and_other_villages_cannot()
    {
        var village = await _api.NewVillage();
        var other = await _api.NewVillage();
        var household = await _api.NewHousehold(village);

        using var svg = await Get($"/api/households/{household}/qr?format=svg", village.Cadre);
        using var refused = await Get($"/api/households/{household}/qr", other.Cadre);

        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await svg.Content.ReadAsStringAsync()).TrimStart());
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }
}
