using System.Net;
using Microsoft.Playwright;
using PointsLedger.Api.Tests.Redemptions;
using PointsLedger.Auth;
using PointsLedger.Http;

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
        // The merchant's name heads the page once signed in; the camera may already have scanned a code by then.
        await page.GetByRole(AriaRole.Heading, new() { Name = "五色超市" }).WaitForAsync();
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

        await resident.Page.GotoAsync("/app/");
        await resident.CheckScreenAsync("resident sign-in");
        await SignInResidentAsync(resident.Page, phone);
        await resident.CheckScreenAsync("resident home");
        var balance = resident.Page.GetByRole(AriaRole.Region, new() { Name = "我的积分" });
        var shownBefore = await balance.GetByTestId("available-total").InnerTextAsync();
        var redBefore = await balance.GetByTestId("available-red").InnerTextAsync();
        await Assertions.Expect(balance.GetByTestId("rank-this-year")).ToHaveTextAsync("1");
        await resident.Page.GetByRole(AriaRole.Button, new() { Name = "付款码" }).ClickAsync();
        var camera = await ShownCodeAsync(resident.Page);
        await resident.CheckScreenAsync("payment code");

        await using var clerkBrowser = await app.LaunchAsync(camera);
        var clerk = await app.PhoneAsync(clerkBrowser);
        await clerk.Page.GotoAsync("/app/scan");
        await clerk.CheckScreenAsync("clerk sign-in");
        await SignInClerkAsync(clerk.Page, till.ClerkLogin);
        var quote = clerk.Page.GetByRole(AriaRole.Region, new() { Name = "兑换信息" });
        await quote.WaitForAsync();
        await clerk.CheckScreenAsync("quote");
        var quotedAvailable = await quote.GetByTestId("quote-available").InnerTextAsync();
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "增加 30 分抵" }).ClickAsync();
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "确认兑换" }).ClickAsync();
        var clerkReceipt = Receipt(clerk.Page);
        await clerkReceipt.WaitForAsync();
        var clerkReceiptNo = await clerkReceipt.GetByTestId("receipt-no").InnerTextAsync();
        var residentReceipt = Receipt(resident.Page);
        // The resident's phone asks every second whether its code has paid; a loaded machine may answer a few seconds late.
        await residentReceipt.WaitForAsync(new() { Timeout = 10_000 });
        await clerk.CheckScreenAsync("clerk's receipt");
        await resident.CheckScreenAsync("resident's receipt");

        Assert.Equal(("50", "50", "50"), (shownBefore, redBefore, quotedAvailable));
        Assert.Equal(50, await _api.Available(household) + 30);
        Assert.Equal("30", await clerkReceipt.GetByTestId("receipt-points").InnerTextAsync());
        Assert.Equal("20", await clerkReceipt.GetByTestId("receipt-balance").InnerTextAsync());
        Assert.Equal(clerkReceiptNo, await residentReceipt.GetByTestId("receipt-no").InnerTextAsync());
        await Assertions.Expect(balance.GetByTestId("available-total")).ToHaveTextAsync("20");
        var history = resident.Page.GetByRole(AriaRole.Region, new() { Name = "积分明细" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(history.First).ToContainTextAsync("兑换");
        await Assertions.Expect(history.First).ToContainTextAsync("经办 王收银");
        await Assertions.Expect(history.Last).ToContainTextAsync("获得积分 · 细则R");
        Assert.Empty(resident.ConsoleErrors);
        Assert.Empty(clerk.ConsoleErrors);
    }

    [Fact]
    public async Task A_clerk_redeems_for_a_resident_who_brought_only_the_id_card()
    {
        var till = await TillAsync(offerPoints: 10);
        var idNumber = IdNumbers.Valid();
        var household = (await _api.Post($"/api/villages/{till.Village.Id}/households",
            new { householdNo = $"H{Guid.NewGuid():N}"[..10], headName = "曹秀兰", idNumber }, till.Village.Cadre)).ShouldBe(HttpStatusCode.Created).Guid("householdId");
        (await _api.Award(till.Village, household, await _api.NewRule(till.Village, "green", 15))).ShouldBe(HttpStatusCode.Created);
        await using var browser = await app.LaunchAsync();
        var clerk = await app.PhoneAsync(browser);
        await SignInClerkAsync(clerk.Page, till.ClerkLogin);

        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "手动输入" }).ClickAsync();
        await clerk.Page.GetByLabel("身份证号", new() { Exact = true }).FillAsync(idNumber);
        await clerk.CheckScreenAsync("id number entry");
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "按身份证号查询" }).ClickAsync();
        var quote = clerk.Page.GetByRole(AriaRole.Region, new() { Name = "兑换信息" });
        await Assertions.Expect(quote).ToContainTextAsync("曹*兰");
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "增加 10 分抵" }).ClickAsync();
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "确认兑换" }).ClickAsync();
        await Receipt(clerk.Page).WaitForAsync();

        Assert.Equal("10", await Receipt(clerk.Page).GetByTestId("receipt-points").InnerTextAsync());
        Assert.Equal(5, await _api.Available(household));
        Assert.Empty(clerk.ConsoleErrors);
    }

    [Fact]
    public async Task A_clerk_types_an_elderly_residents_card_number_and_id_digits_and_a_wrong_try_says_how_many_are_left()
    {
        var till = await TillAsync(offerPoints: 10);
        var idNumber = IdNumbers.Valid();
        var registered = (await _api.Post($"/api/villages/{till.Village.Id}/households",
            new { householdNo = $"H{Guid.NewGuid():N}"[..10], headName = "李桂兰", idNumber }, till.Village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var household = registered.Guid("householdId");
        (await _api.Award(till.Village, household, await _api.NewRule(till.Village, "green", 25))).ShouldBe(HttpStatusCode.Created);
        await using var browser = await app.LaunchAsync();
        var clerk = await app.PhoneAsync(browser);
        await SignInClerkAsync(clerk.Page, till.ClerkLogin);

        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "手动输入" }).ClickAsync();
        await clerk.CheckScreenAsync("card entry");
        await clerk.Page.GetByLabel("卡号").FillAsync((string)registered.Json["cardNo"]!);
        var wrong = idNumber[^6..] == "000000" ? "111111" : "000000";
        await clerk.Page.GetByLabel("身份证后六位").FillAsync(wrong);
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        var refusal = clerk.Page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(refusal).ToContainTextAsync("今天还可尝试");
        var refusalText = await refusal.InnerTextAsync();
        await clerk.Page.GetByLabel("身份证后六位").FillAsync(idNumber[^6..]);
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        var quote = clerk.Page.GetByRole(AriaRole.Region, new() { Name = "兑换信息" });
        await Assertions.Expect(quote.GetByTestId("quote-available")).ToHaveTextAsync("25");
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "增加 10 分抵" }).ClickAsync();
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "增加 10 分抵" }).ClickAsync();
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "确认兑换" }).ClickAsync();
        await Receipt(clerk.Page).WaitForAsync();

        var receiptNo = await Receipt(clerk.Page).GetByTestId("receipt-no").InnerTextAsync();
        var receiptPoints = await Receipt(clerk.Page).GetByTestId("receipt-points").InnerTextAsync();
        var availableAfter = await _api.Available(household);

        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "下一位" }).ClickAsync();
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "今日兑换与冲正" }).ClickAsync();
        var today = clerk.Page.GetByRole(AriaRole.Region, new() { Name = "今日兑换" });
        await today.GetByRole(AriaRole.Button, new() { Name = $"冲正 {receiptNo}" }).ClickAsync();
        await today.GetByLabel("冲正原因").FillAsync("老人拿错了商品");
        await clerk.CheckScreenAsync("reversal");
        await today.GetByRole(AriaRole.Button, new() { Name = "确认冲正" }).ClickAsync();
        await Assertions.Expect(today).ToContainTextAsync("已冲正：老人拿错了商品");

        Assert.Matches(@"身份证号后 6 位与该卡不符，今天还可尝试 \d+ 次", refusalText);
        Assert.Equal(("20", 5), (receiptPoints, availableAfter));
        Assert.Equal(25, await _api.Available(household));
        Assert.Empty(clerk.ConsoleErrors);
    }

    [Fact]
    public async Task A_resident_reads_the_households_line_on_the_last_notice_verifies_it_and_raises_an_objection_in_the_window()
    {
        var village = await _api.NewVillage();
        var (household, phone) = await HouseholdWithPhoneAsync(village, 5);
        var lastMonth = new DateOnly(app.Clock.Today().Year, app.Clock.Today().Month, 1).AddMonths(-1);
        (await _api.Award(village, household, await _api.NewRule(village, "green", 8), lastMonth.AddDays(9).ToString("yyyy-MM-dd"))).ShouldBe(HttpStatusCode.Created);
        (await _api.Post($"/api/villages/{village.Id}/notices", new { month = lastMonth.ToString("yyyy-MM") }, village.Approver)).ShouldBe(HttpStatusCode.Created);
        var notice = (await _api.Get($"/api/villages/{village.Id}/notices/{lastMonth:yyyy-MM}", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json;
        await using var browser = await app.LaunchAsync();
        var resident = await app.PhoneAsync(browser);

        await SignInResidentAsync(resident.Page, phone);
        var notices = resident.Page.GetByRole(AriaRole.Region, new() { Name = "积分公示" });
        await Assertions.Expect(notices.GetByTestId("rank")).ToHaveTextAsync("1");
        var proofCode = await notices.GetByTestId("proof-code").InnerTextAsync();
        await notices.GetByLabel("异议内容").FillAsync("第 1 条的日期记错了");
        await notices.GetByLabel("条目编号").FillAsync("1");
        await resident.CheckScreenAsync("notice");
        await notices.GetByRole(AriaRole.Button, new() { Name = "提出异议" }).ClickAsync();
        await Assertions.Expect(notices).ToContainTextAsync("第 1 条的日期记错了 — 处理中");
        var verification = await resident.Page.Context.RunAndWaitForPageAsync(() => notices.GetByRole(AriaRole.Link, new() { Name = "核验本户这一行" }).ClickAsync());
        await verification.WaitForLoadStateAsync();
        var verified = await verification.Locator("body").InnerTextAsync();

        Assert.Equal((string)notice["households"]![0]!["proofCode"]!, proofCode);
        var objections = (await _api.Get($"/api/villages/{village.Id}/notices/{lastMonth:yyyy-MM}", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json["objections"]!.AsArray();
        Assert.Equal(("open", 1), ((string?)Assert.Single(objections)!["status"], (int)objections[0]!["entryNo"]!));
        Assert.Contains("本户这一行在公示中", verified);
        Assert.Empty(resident.ConsoleErrors);
    }

    [Fact]
    public async Task A_confirm_whose_answer_is_lost_is_retried_with_its_key_and_charges_once_and_the_used_code_scanned_again_is_refused()
    {
        var till = await TillAsync(offerPoints: 30);
        var (household, phone) = await HouseholdWithPhoneAsync(till.Village, 100);
        await using var residentBrowser = await app.LaunchAsync();
        var resident = await app.PhoneAsync(residentBrowser);
        await SignInResidentAsync(resident.Page, phone);
        await resident.Page.GetByRole(AriaRole.Button, new() { Name = "付款码" }).ClickAsync();
        var camera = await ShownCodeAsync(resident.Page);
        await using var clerkBrowser = await app.LaunchAsync(camera);
        var clerk = await app.PhoneAsync(clerkBrowser);
        var answered = 0;
        var firstAnswer = 0;
        await clerk.Page.RouteAsync("**/api/redemptions", async route =>
        {
            if (Interlocked.Increment(ref answered) > 1)
            {
                await route.ContinueAsync();
                return;
            }
            firstAnswer = (await route.FetchAsync()).Status;
            await route.AbortAsync("connectionreset");
        });
        await SignInClerkAsync(clerk.Page, till.ClerkLogin);

        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "增加 30 分抵" }).ClickAsync();
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "确认兑换" }).ClickAsync();
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "重试" }).ClickAsync();
        var receipt = Receipt(clerk.Page);
        await receipt.WaitForAsync();
        var receiptPoints = await receipt.GetByTestId("receipt-points").InnerTextAsync();
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "下一位" }).ClickAsync();
        var refusal = clerk.Page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(refusal).ToContainTextAsync("该付款码已使用过");
        // The camera waits for the clerk rather than reading the same refused code again and again.
        await Assertions.Expect(clerk.Page.GetByRole(AriaRole.Button, new() { Name = "重新扫码" })).ToBeVisibleAsync();

        Assert.Equal((2, 201, "30"), (answered, firstAnswer, receiptPoints));
        Assert.Equal(70, await _api.Available(household));
        Assert.Single(await _api.Ledger(household), line => (string?)line!["kind"] == "redemption");
        await Assertions.Expect(Receipt(resident.Page)).ToBeVisibleAsync();
        Assert.Empty(resident.ConsoleErrors);
        Assert.DoesNotContain(clerk.ConsoleErrors, error => !error.Contains("ERR_CONNECTION_RESET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_network_drops_the_resident_sees_the_last_balance_marked_not_current_and_a_retry_brings_it_back()
    {
        var village = await _api.NewVillage();
        var (household, phone) = await HouseholdWithPhoneAsync(village, 12);
        await using var browser = await app.LaunchAsync();
        var resident = await app.PhoneAsync(browser);
        await SignInResidentAsync(resident.Page, phone);
        var balance = resident.Page.GetByRole(AriaRole.Region, new() { Name = "我的积分" });
        await Assertions.Expect(balance.GetByRole(AriaRole.Status)).ToContainTextAsync("数据时间");

        await resident.Page.RouteAsync("**/api/me", route => route.AbortAsync("internetdisconnected"));
        (await _api.Award(village, household, await _api.NewRule(village, "blue", 3))).ShouldBe(HttpStatusCode.Created);
        await resident.Page.GetByRole(AriaRole.Button, new() { Name = "刷新积分" }).ClickAsync();
        await Assertions.Expect(balance.GetByRole(AriaRole.Status)).ToContainTextAsync("不是最新");
        var shownOffline = await balance.GetByTestId("available-total").InnerTextAsync();
        var alert = await resident.Page.GetByRole(AriaRole.Alert).InnerTextAsync();
        await resident.CheckScreenAsync("offline balance");
        await resident.Page.UnrouteAllAsync();
        await resident.Page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Button, new() { Name = "重试" }).ClickAsync();
        await Assertions.Expect(balance.GetByRole(AriaRole.Status)).ToContainTextAsync("数据时间");

        Assert.Equal("12", shownOffline);
        Assert.Contains("网络不通", alert);
        await Assertions.Expect(balance.GetByTestId("available-total")).ToHaveTextAsync("15");
    }

    [Fact]
    public async Task The_payment_code_is_replaced_before_it_runs_out_and_the_replaced_code_still_shows_its_receipt()
    {
        var till = await TillAsync(offerPoints: 10);
        var (household, phone) = await HouseholdWithPhoneAsync(till.Village, 40);
        await using var browser = await app.LaunchAsync();
        var resident = await app.PhoneAsync(browser);
        await resident.Page.Clock.InstallAsync();
        await SignInResidentAsync(resident.Page, phone);
        await resident.Page.GetByRole(AriaRole.Button, new() { Name = "付款码" }).ClickAsync();
        var image = resident.Page.GetByRole(AriaRole.Img, new() { Name = "付款码二维码" });
        var first = await image.GetAttributeAsync("src");
        var countdown = await resident.Page.GetByRole(AriaRole.Timer).InnerTextAsync();

        await resident.Page.Clock.FastForwardAsync("01:50");
        await Assertions.Expect(image).Not.ToHaveAttributeAsync("src", first!);
        var firstToken = Zbar.Decode(Convert.FromBase64String(first!["data:image/png;base64,".Length..]));
        (await _api.Redeem(till.Shop.Clerk, new { merchantId = till.Shop.Id, offerId = till.Offer, qrToken = firstToken })).ShouldBe(HttpStatusCode.Created);
        await Receipt(resident.Page).WaitForAsync();

        Assert.Matches(@"^[12]:\d\d 后失效", countdown);
        Assert.Equal("10", await Receipt(resident.Page).GetByTestId("receipt-points").InnerTextAsync());
        Assert.Equal(30, await _api.Available(household));
        Assert.Empty(resident.ConsoleErrors);
    }
}
