using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PointsLedger.Api.Tests.Redemptions;
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
    public async Task Village_staff_never_get_a_households_payment_code_and_an_admins_code_is_on_the_ledger_with_who_asked()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village);
        var adminId = $"admin-{Guid.NewGuid():N}";
        var admin = _api.Token("admin", userId: adminId);

        using var byCadre = await Get($"/api/households/{household}/qr", village.Cadre);
        using var byApprover = await Get($"/api/households/{household}/qr", village.Approver);
        using var byResident = await Get($"/api/households/{household}/qr?format=svg", _api.Token("resident", householdId: household));
        var ledgerBefore = await _api.Ledger(household);
        using var byAdmin = await Get($"/api/households/{household}/qr", admin);
        var ledger = await _api.Ledger(household);

        Assert.Equal(HttpStatusCode.Forbidden, byCadre.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byApprover.StatusCode);
        Assert.Equal("image/svg+xml", byResident.Content.Headers.ContentType?.MediaType);
        Assert.Empty(ledgerBefore);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        var token = PaymentToken.Verify(Zbar.Decode(await byAdmin.Content.ReadAsByteArrayAsync()), app.Host.Services.GetRequiredService<PaymentCodeKey>().Value)!;
        var line = Assert.Single(ledger);
        Assert.Equal("payment-code-issued", (string?)line!["kind"]);
        Assert.Equal(adminId, (string?)line["actor"]);
        Assert.Equal(household, token.HouseholdId);
    }

    [Fact]
    public async Task The_residents_page_gets_its_code_with_its_expiry_and_learns_which_redemption_it_paid()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 30);
        var household = await _api.HouseholdWith(village, ("red", 50, null));
        var resident = _api.Token("resident", householdId: household);
        var neighbour = _api.Token("resident", householdId: await _api.NewHousehold(village));

        var code = (await _api.Get("/api/me/payment-code", resident)).ShouldBe(HttpStatusCode.OK).Json;
        var codeId = (Guid)code["codeId"]!;
        var image = (string)code["image"]!;
        var qrToken = Zbar.Decode(Convert.FromBase64String(image["data:image/png;base64,".Length..]));
        var unused = (await _api.Get($"/api/me/payment-codes/{codeId}", resident)).ShouldBe(HttpStatusCode.OK).Json;
        var redeemed = (await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, qrToken })).ShouldBe(HttpStatusCode.Created).Json;
        var used = (await _api.Get($"/api/me/payment-codes/{codeId}", resident)).ShouldBe(HttpStatusCode.OK).Json;
        var askedByAnother = (await _api.Get($"/api/me/payment-codes/{codeId}", neighbour)).ShouldBe(HttpStatusCode.OK).Json;

        Assert.Equal((string)code["token"]!, qrToken);
        var token = PaymentToken.Verify(qrToken, app.Host.Services.GetRequiredService<PaymentCodeKey>().Value)!;
        Assert.Equal((household, codeId), (token.HouseholdId, token.Nonce));
        Assert.Equal(token.ExpiresAt, (DateTimeOffset)code["expiresAt"]!);
        Assert.Null(unused["redemptionId"]);
        Assert.Equal((Guid)redeemed["redemptionId"]!, (Guid)used["redemptionId"]!);
        Assert.Null(askedByAnother["redemptionId"]);
    }
}
