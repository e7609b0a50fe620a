using System.Net;
using Microsoft.Playwright;
using PointsLedger.Api.Tests.Redemptions;
using PointsLedger.Auth;

namespace PointsLedger.Api.Tests.Web;

/// <summary>The resident's page and the clerk's scanner in Chromium, against the real API and PostgreSQL.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ResidentAndScannerTests(BrowserApp app)
{
    private const string Password = "Shop2026till";
    private readonly LedgerClient _api = app.Api;

    private sealed record Till(TestVillage Village, TestShop Shop, Guid Offer, string ClerkLogin);

    private async Task<Till> TillAsync(int offerPoints = 30)
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, offerPoints);
        var login = $"clerk{Guid.NewGuid():N}"[..16];
        (await _api.Post("/api/staff", new { login, displayName = "王收银", role = Roles.Clerk, merchantId = shop.Id, password = Password }, _api.Admin))
            .ShouldBe(HttpStatusCode.Created);
        return new Till(village, shop, offer, login);
    }

    private async Task<(Guid Household, string Phone)> HouseholdWithPhoneAsync(TestVillage village, int redPoints)
    {
        var phone = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        var household = (await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo = $"H{Guid.NewGuid():N}"[..10], headName = "张三明", idNumber = IdNumbers.Valid(), phone }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created).Guid("householdId");
        (await _api.Award(village, household, await _api.NewRule(village, "red", redPoints))).ShouldBe(HttpStatusCode.Created);
        return (household, phone);
    }

    private async Task SignInResidentAsync(IPage page, string phone)
    {
        await page.GotoAsync("/app/");
        await page.GetByLabel("手机号").FillAsync(phone);
        var code = app.Codes.NextCodeFor(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(await code);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Region, new() { Name = "我的积分" }).WaitForAsync();
    }

    private static async Task SignInClerkAsync(IPage page, string login)
    {
        await page.GotoAsync("/app/scan");
        await page.GetByLabel("账号").FillAsync(login);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "手动输入" }).WaitForAsync();
    }

    private static ILocator Receipt(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "兑换小票" });

    private static async Task<string> ShownCodeAsync(IPage resident)
    {
        var image = resident.GetByRole(AriaRole.Img, new() { Name = "付款码二维码" });
        var source = await image.GetAttributeAsync("src") ?? throw new InvalidOperationException("no payment code shown");
        return FakeCamera.Film(Convert.FromBase64String(source["data:image/png;base64,".Length..]));
    }

    [Fact]
    public async Task A_resident_shows_the_payment_code_a_clerk_scans_it_with_the_camera_and_both_see_the_receipt_and_the_lower_balance()
    {
        var till = await TillAsync(offerPoints: 30);
        var (household, phone) = await HouseholdWithPhoneAsync(till.Village, 50);
        await using var residentBrowser = await app.LaunchAsync();
        var resident = await app.PhoneAsync(residentBrowser);

        await SignInResidentAsync(resident.Page, phone);
        var balance = resident.Page.GetByRole(AriaRole.Region, new() { Name = "我的积分" });
        var shownBefore = await balance.GetByTestId("available-total").InnerTextAsync();
        var redBefore = await balance.GetByTestId("available-red").InnerTextAsync();
        await resident.Page.GetByRole(AriaRole.Button, new() { Name = "付款码" }).ClickAsync();
        var camera = await ShownCodeAsync(resident.Page);

        await using var clerkBrowser = await app.LaunchAsync(camera);
        var clerk = await app.PhoneAsync(clerkBrowser);
        await SignInClerkAsync(clerk.Page, till.ClerkLogin);
        var quote = clerk.Page.GetByRole(AriaRole.Region, new() { Name = "兑换信息" });
        await quote.WaitForAsync();
        var quotedAvailable = await quote.GetByTestId("quote-available").InnerTextAsync();
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "增加 30 分抵" }).ClickAsync();
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "确认兑换" }).ClickAsync();
        var clerkReceipt = Receipt(clerk.Page);
        await clerkReceipt.WaitForAsync();
        var clerkReceiptNo = await clerkReceipt.GetByTestId("receipt-no").InnerTextAsync();
        var residentReceipt = Receipt(resident.Page);
        await residentReceipt.WaitForAsync(new() { Timeout = 2_000 });

        Assert.Equal(("50", "50", "50"), (shownBefore, redBefore, quotedAvailable));
        Assert.Equal(50, await _api.Available(household) + 30);
        Assert.Equal("30", await clerkReceipt.GetByTestId("receipt-points").InnerTextAsync());
        Assert.Equal("20", await clerkReceipt.GetByTestId("receipt-balance").InnerTextAsync());
        Assert.Equal(clerkReceiptNo, await residentReceipt.GetByTestId("receipt-no").InnerTextAsync());
        await Assertions.Expect(balance.GetByTestId("available-total")).ToHaveTextAsync("20");
        Assert.Empty(resident.ConsoleErrors);
        Assert.Empty(clerk.ConsoleErrors);
    }
}
