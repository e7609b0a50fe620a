using System.Net;
using Microsoft.Playwright;
using PointsLedger.Api.Tests.Redemptions;
using PointsLedger.Auth;

namespace PointsLedger.Api.Tests.Web;

/// <summary>Individuals' accounts, photos, the quarterly assessment and residents' own claims, in Chromium at phone width.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BeyondHouseholdsTests(BrowserApp app)
{
    private readonly LedgerClient _api = app.Api;

    private static async Task<string> PhotoFileAsync(int width, int height)
    {
        var path = Path.Combine(Path.GetTempPath(), $"IMG_{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(path, Photos.WithGpsAndCamera(Photos.Jpeg(width, height)));
        return path;
    }

    [Fact]
    public async Task A_cadre_registers_a_volunteer_awards_hours_with_a_photo_from_the_camera_and_the_approver_sees_the_photo_before_approving()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, new { color = "orange", title = "志愿服务", unit = "hour", pointsPerUnit = 2, appliesTo = "individual",
            requiresApproval = true, requiresEvidence = true });
        var cadre = await _api.StaffAsync(village, Roles.Cadre, "赵主任");
        var approver = await _api.StaffAsync(village, Roles.Approver, "陈书记");
        var photo = await PhotoFileAsync(4000, 3000);
        await using var browser = await app.LaunchAsync();
        var phone = await app.PhoneAsync(browser);

        await ConsoleSteps.SignInAsync(phone.Page, cadre);
        await ConsoleSteps.OpenAsync(phone.Page, "户籍");
        await phone.Page.GetByRole(AriaRole.Link, new() { Name = "登记个人账户（网格员、志愿者等）" }).ClickAsync();
        await phone.Page.GetByLabel("类别").SelectOptionAsync("volunteer");
        await phone.Page.GetByLabel("姓名").FillAsync("周志愿");
        await phone.Page.GetByLabel("身份证号").FillAsync(IdNumbers.Valid());
        await phone.CheckScreenAsync("register individual");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await Assertions.Expect(phone.Page.GetByText("V-001")).Not.ToHaveCountAsync(0);

        await ConsoleSteps.OpenAsync(phone.Page, "评分");
        await phone.Page.GetByLabel("搜索").FillAsync("周志愿");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await Assertions.Expect(phone.Page.GetByTestId("chosen-household")).ToContainTextAsync("V-001 号 · 周志愿 · 志愿者");
        await Assertions.Expect(phone.Page.GetByLabel("细则").Locator($"option[value='{rule}']")).ToContainTextAsync("每小时 +2");
        await phone.Page.GetByLabel("细则").SelectOptionAsync(rule);
        await phone.Page.GetByLabel("时长").FillAsync("3");
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Button, new() { Name = "提交" })).ToBeDisabledAsync();
        await phone.Page.GetByLabel("拍照或选择照片").SetInputFilesAsync(photo);
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Img, new() { Name = "证据照片 1" })).ToBeVisibleAsync();
        await phone.CheckScreenAsync("award with hours and a photo");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Region, new() { Name = "评分结果" })).ToContainTextAsync("已提交，等待审批");
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Region, new() { Name = "评分结果" })).ToContainTextAsync("（3 小时）");

        var second = await app.PhoneAsync(browser);
        await ConsoleSteps.SignInAsync(second.Page, approver);
        await ConsoleSteps.OpenAsync(second.Page, "审核");
        var item = second.Page.GetByRole(AriaRole.List, new() { Name = "待审批" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "周志愿" });
        await Assertions.Expect(item).ToContainTextAsync("3 小时");
        await Assertions.Expect(item.GetByRole(AriaRole.Img, new() { Name = "证据照片 1" })).ToBeVisibleAsync();
        await second.CheckScreenAsync("approval with a photo");
        await item.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Assertions.Expect(item).ToContainTextAsync("已通过");

        var accounts = (await _api.Get($"/api/villages/{village.Id}/households?kind=volunteer", village.Cadre)).Json["items"]!.AsArray();
        var volunteer = (Guid)accounts.Single()!["householdId"]!;
        Assert.Equal(6, await _api.Available(volunteer));
        var award = (await _api.Ledger(volunteer)).First(e => (string?)e!["kind"] == "approved")!;
        var kept = await _api.Download($"/api/evidence/{(string)award["details"]!["evidenceIds"]![0]!}", village.Approver);
        var metadata = Photos.Metadata(kept);
        Assert.Equal((1600, 1200), ((int)metadata["File:ImageWidth"]!, (int)metadata["File:ImageHeight"]!));
        Assert.DoesNotContain(metadata, tag => tag.Key.StartsWith("GPS:", StringComparison.Ordinal));
        Assert.Empty(phone.ConsoleErrors);
        Assert.Empty(second.ConsoleErrors);
        File.Delete(photo);
    }

    [Fact]
    public async Task A_resident_claims_points_with_a_photo_a_cadre_accepts_one_and_declines_the_other_and_the_resident_reads_why()
    {
        var village = await _api.NewVillage();
        var help = await _api.NewRule(village, new { color = "orange", title = "照顾孤寡老人", points = 8, requiresEvidence = true });
        var meeting = await _api.NewRule(village, new { color = "red", title = "参加党日活动", points = 3 });
        var number = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        var household = (await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo = $"H{Guid.NewGuid():N}"[..10], headName = "孙桂兰", idNumber = IdNumbers.Valid(), phone = number }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created).Guid("householdId");
        var cadre = await _api.StaffAsync(village, Roles.Cadre, "赵主任");
        var photo = await PhotoFileAsync(1600, 1200);
        await using var browser = await app.LaunchAsync();
        var resident = await app.PhoneAsync(browser);

        await resident.Page.GotoAsync("/app/");
        await resident.Page.GetByLabel("手机号").FillAsync(number);
        var code = app.Codes.NextCodeFor(number);
        await resident.Page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await resident.Page.GetByLabel("验证码", new() { Exact = true }).FillAsync(await code);
        await resident.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await resident.Page.GetByRole(AriaRole.Region, new() { Name = "我的积分" }).WaitForAsync();
        var claimForm = resident.Page.GetByRole(AriaRole.Region, new() { Name = "我要申报" });
        await claimForm.GetByLabel("申报事项").SelectOptionAsync(help);
        await claimForm.GetByLabel("说明").FillAsync("给村东头李奶奶送饭");
        await Assertions.Expect(claimForm.GetByRole(AriaRole.Button, new() { Name = "提交申报" })).ToBeDisabledAsync();
        await claimForm.GetByLabel("拍照或选择照片").SetInputFilesAsync(photo);
        await Assertions.Expect(claimForm.GetByRole(AriaRole.Img, new() { Name = "证据照片 1" })).ToBeVisibleAsync();
        await resident.CheckScreenAsync("resident claim");
        await claimForm.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();
        await Assertions.Expect(claimForm.GetByRole(AriaRole.List, new() { Name = "我的申报" })).ToContainTextAsync("待村里处理");
        await claimForm.GetByLabel("申报事项").SelectOptionAsync(meeting);
        await claimForm.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();
        await Assertions.Expect(claimForm.GetByRole(AriaRole.List, new() { Name = "我的申报" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);

        var desk = await app.PhoneAsync(browser);
        await ConsoleSteps.SignInAsync(desk.Page, cadre);
        await ConsoleSteps.OpenAsync(desk.Page, "村民申报");
        var queue = desk.Page.GetByRole(AriaRole.List, new() { Name = "待处理的申报" });
        var withPhoto = queue.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "照顾孤寡老人" });
        await Assertions.Expect(withPhoto).ToContainTextAsync("给村东头李奶奶送饭");
        await Assertions.Expect(withPhoto.GetByRole(AriaRole.Img, new() { Name = "证据照片 1" })).ToBeVisibleAsync();
        await desk.CheckScreenAsync("claims queue");
        await withPhoto.GetByRole(AriaRole.Button, new() { Name = "采纳", Exact = true }).ClickAsync();
        await Assertions.Expect(withPhoto).ToContainTextAsync("8 分已记入");
        var other = queue.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "参加党日活动" });
        await other.GetByRole(AriaRole.Button, new() { Name = "不予采纳" }).ClickAsync();
        await other.GetByLabel("不予采纳的原因").FillAsync("当月没有党日活动");
        await other.GetByRole(AriaRole.Button, new() { Name = "确认不予采纳" }).ClickAsync();
        await Assertions.Expect(other).ToContainTextAsync("未采纳：当月没有党日活动");

        await claimForm.GetByRole(AriaRole.Button, new() { Name = "刷新申报" }).ClickAsync();
        await Assertions.Expect(claimForm.GetByRole(AriaRole.List, new() { Name = "我的申报" })).ToContainTextAsync("原因：当月没有党日活动");
        await Assertions.Expect(claimForm.GetByRole(AriaRole.List, new() { Name = "我的申报" })).ToContainTextAsync("已采纳");
        await resident.CheckScreenAsync("resident claims decided");
        Assert.Equal(8, await _api.Available(household));
        var mine = (await _api.Get("/api/claims", _api.Token(Roles.Resident, householdId: household))).Json["items"]!.AsArray();
        Assert.Equal(["declined", "accepted"], mine.Select(c => (string)c!["status"]!).ToArray());
        Assert.Empty(resident.ConsoleErrors);
        Assert.Empty(desk.ConsoleErrors);
        File.Delete(photo);
    }

    [Fact]
    public async Task The_committee_scores_its_grid_workers_for_the_last_quarter_on_one_sheet()
    {
        var village = await _api.NewVillage();
        var duty = await _api.NewRule(village, new { color = "purple", title = "网格员履职考核", points = 30, appliesTo = "individual" });
        foreach (var name in new[] { "李网格", "王网格" })
        {
            (await _api.Post($"/api/villages/{village.Id}/individuals", new { kind = "grid-worker", name, idNumber = IdNumbers.Valid() }, village.Cadre))
                .ShouldBe(HttpStatusCode.Created);
        }
        var cadre = await _api.StaffAsync(village, Roles.Cadre, "赵主任");
        await using var browser = await app.LaunchAsync();
        var phone = await app.PhoneAsync(browser);

        await ConsoleSteps.SignInAsync(phone.Page, cadre);
        await ConsoleSteps.OpenAsync(phone.Page, "季度考核");
        await phone.Page.GetByLabel("细则").SelectOptionAsync(duty);
        await phone.Page.GetByLabel("李网格 评分").FillAsync("28");
        await phone.Page.GetByLabel("王网格 评分").FillAsync("31");
        await phone.CheckScreenAsync("assessment sheet");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "记入考核（2 人）" }).ClickAsync();
        var result = phone.Page.GetByRole(AriaRole.Region, new() { Name = "考核结果" });
        await Assertions.Expect(result).ToContainTextAsync("整张考核表未记入：1 人不符合");
        await Assertions.Expect(result).ToContainTextAsync("王网格：评分 31 超出细则“网格员履职考核”的范围（1 至 30 分）");
        await phone.Page.GetByLabel("王网格 评分").FillAsync("25");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "记入考核（2 人）" }).ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("已记入 2 人");

        var workers = (await _api.Get($"/api/villages/{village.Id}/households?kind=grid-worker", village.Cadre)).Json["items"]!.AsArray();
        Assert.Equal([28, 25], workers.Select(w => (int)w!["earned"]!).ToArray());
        Assert.Empty(phone.ConsoleErrors);
    }
}
