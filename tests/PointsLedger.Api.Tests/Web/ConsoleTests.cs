using System.Net;
using Microsoft.Playwright;
using PointsLedger.Api.Tests.Imports;
using PointsLedger.Api.Tests.Notices;
using PointsLedger.Api.Tests.Redemptions;
using PointsLedger.Auth;

namespace PointsLedger.Api.Tests.Web;

/// <summary>The cadre console in Chromium at phone width, against the real API and PostgreSQL.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleTests(BrowserApp app)
{
    private readonly LedgerClient _api = app.Api;

    private async Task<Guid> HouseholdAsync(TestVillage village, string headName, string? grid = null) =>
        (await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo = $"H{Guid.NewGuid():N}"[..10], headName, idNumber = IdNumbers.Valid(), grid }, village.Cadre))
        .ShouldBe(HttpStatusCode.Created).Guid("householdId");

    private static ILocator Result(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "评分结果" });

    [Fact]
    public async Task A_cadre_finds_a_household_by_name_and_awards_it_once_though_the_first_answer_was_lost()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "orange", 5, monthlyCap: 10);
        var household = await HouseholdAsync(village, "李秀英");
        await HouseholdAsync(village, "王建国");
        var cadre = await _api.StaffAsync(village, Roles.Cadre, "赵主任");
        await using var browser = await app.LaunchAsync();
        var phone = await app.PhoneAsync(browser);
        var posted = 0;
        await phone.Page.RouteAsync("**/api/awards", async route =>
        {
            if (route.Request.Method != "POST" || Interlocked.Increment(ref posted) > 1)
            {
                await route.ContinueAsync();
                return;
            }
            await route.FetchAsync();
            await route.AbortAsync("connectionreset");
        });

        await phone.Page.GotoAsync("/app/console");
        await phone.CheckScreenAsync("console sign-in");
        await ConsoleSteps.SignInAsync(phone.Page, cadre);
        await phone.CheckScreenAsync("console home");
        await ConsoleSteps.OpenAsync(phone.Page, "评分");
        await phone.Page.GetByLabel("搜索").FillAsync("李秀英");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await Assertions.Expect(phone.Page.GetByTestId("chosen-household")).ToContainTextAsync("李秀英");
        await Assertions.Expect(phone.Page.GetByLabel("细则").Locator($"option[value='{rule}']")).ToContainTextAsync("本月还可得 10 分");
        await phone.Page.GetByLabel("细则").SelectOptionAsync(rule);
        await phone.Page.GetByLabel("备注").FillAsync("清理房前屋后");
        await phone.CheckScreenAsync("award form");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "重试提交" }).ClickAsync();
        await Assertions.Expect(Result(phone.Page)).ToContainTextAsync("已记入");
        await phone.CheckScreenAsync("award result");

        Assert.Equal(2, posted);
        Assert.Equal(5, await _api.Available(household));
        var ledger = await _api.Ledger(household);
        Assert.Equal(["清理房前屋后"], ledger.Where(e => (string?)e!["kind"] == "award").Select(e => (string?)e!["note"]));
        Assert.Equal("赵主任", (string?)ledger.Single(e => (string?)e!["kind"] == "award")!["actorName"]);
        await Assertions.Expect(phone.Page.GetByLabel("细则").Locator($"option[value='{rule}']")).ToContainTextAsync("本月还可得 5 分");

        await ConsoleSteps.OpenAsync(phone.Page, "户籍");
        await phone.Page.GetByLabel("搜索").FillAsync("李秀英");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        var found = phone.Page.GetByRole(AriaRole.List, new() { Name = "户列表" }).GetByRole(AriaRole.Link);
        await Assertions.Expect(found).ToHaveCountAsync(1);
        await found.ClickAsync();
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Region, new() { Name = "本户积分" }).GetByTestId("available-total")).ToHaveTextAsync("5");
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Region, new() { Name = "积分明细" }).GetByRole(AriaRole.Listitem).First)
            .ToContainTextAsync("经办 赵主任");
        await phone.CheckScreenAsync("household page");
        Assert.All(phone.ConsoleErrors, error => Assert.Contains("ERR_CONNECTION_RESET", error));
    }

    [Fact]
    public async Task A_batch_after_an_inspection_with_one_household_over_its_cap_records_none_until_that_household_is_left_out()
    {
        var village = await _api.NewVillage();
        (await _api.Post($"/api/villages/{village.Id}/grids", new { code = "G1", name = "一网格" }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var rule = await _api.NewRule(village, "green", 5, monthlyCap: 5);
        var households = new[] { await HouseholdAsync(village, "孙大勇", "G1"), await HouseholdAsync(village, "周小红", "G1"), await HouseholdAsync(village, "吴桂芝", "G1") };
        (await _api.Award(village, households[2], rule)).ShouldBe(HttpStatusCode.Created);
        var cadre = await _api.StaffAsync(village, Roles.Cadre, "钱网格长");
        await using var browser = await app.LaunchAsync();
        var phone = await app.PhoneAsync(browser);

        await ConsoleSteps.SignInAsync(phone.Page, cadre);
        await phone.Page.GetByRole(AriaRole.Link, new() { Name = "巡查后给一个网格批量评分" }).ClickAsync();
        await phone.Page.GetByLabel("网格", new() { Exact = true }).SelectOptionAsync("G1");
        await phone.Page.GetByRole(AriaRole.Checkbox, new() { Name = "全选" }).ClickAsync();
        await phone.Page.GetByLabel("细则").SelectOptionAsync(rule);
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(Result(phone.Page)).ToContainTextAsync("整批未记入：1 户不符合");
        await Assertions.Expect(Result(phone.Page)).ToContainTextAsync("吴桂芝");
        await phone.CheckScreenAsync("batch refused");
        var afterRefusal = new[] { await _api.Available(households[0]), await _api.Available(households[1]) };

        await phone.Page.GetByRole(AriaRole.Checkbox, new() { Name = "吴桂芝" }).ClickAsync();
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(Result(phone.Page)).ToContainTextAsync("2 户已记入");
        await ConsoleSteps.OpenAsync(phone.Page, "户籍");
        await phone.Page.GetByLabel("网格", new() { Exact = true }).SelectOptionAsync("G1");
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.List, new() { Name = "户列表" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(3);
        await phone.CheckScreenAsync("households of a grid");
        var cardsLink = new TaskCompletionSource<string>();
        phone.Page.Context.Request += (_, request) =>
        {
            if (request.Url.Contains("/cards.pdf?grid=G1&print=", StringComparison.Ordinal)) cardsLink.TrySetResult(request.Url);
        };
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "打印户卡" }).ClickAsync();
        using var anonymous = new HttpClient();
        var cards = PrintTools.Text(await anonymous.GetByteArrayAsync(await cardsLink.Task.WaitAsync(TimeSpan.FromSeconds(15))));
        Assert.Equal(3, cards.Split("五色积分卡").Length - 1);

        var afterBatch = new[] { await _api.Available(households[0]), await _api.Available(households[1]), await _api.Available(households[2]) };
        Assert.Equal([0, 0], afterRefusal);
        Assert.Equal([5, 5, 5], afterBatch);
        Assert.Empty(phone.ConsoleErrors);
    }

    [Fact]
    public async Task An_approver_approves_an_award_another_submitted_and_cannot_approve_their_own()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "red", 8, requiresApproval: true);
        var household = await HouseholdAsync(village, "郑玉兰");
        var submitter = await _api.StaffAsync(village, Roles.Approver, "冯委员");
        var approver = await _api.StaffAsync(village, Roles.Approver, "陈书记");
        await using var browser = await app.LaunchAsync();
        var first = await app.PhoneAsync(browser);

        await ConsoleSteps.SignInAsync(first.Page, submitter);
        await ConsoleSteps.OpenAsync(first.Page, "评分");
        await first.Page.GetByLabel("搜索").FillAsync("郑玉兰");
        await first.Page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await first.Page.GetByLabel("细则").SelectOptionAsync(rule);
        await first.Page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(Result(first.Page)).ToContainTextAsync("已提交，等待审批");
        await ConsoleSteps.OpenAsync(first.Page, "审核");
        var own = first.Page.GetByRole(AriaRole.List, new() { Name = "待审批" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "郑玉兰" });
        await Assertions.Expect(own).ToContainTextAsync("提交人 冯委员");
        await Assertions.Expect(own.GetByRole(AriaRole.Button, new() { Name = "通过" })).ToBeDisabledAsync();
        await first.CheckScreenAsync("approvals, own award");

        var second = await app.PhoneAsync(browser);
        await ConsoleSteps.SignInAsync(second.Page, approver);
        await ConsoleSteps.OpenAsync(second.Page, "审核");
        var item = second.Page.GetByRole(AriaRole.List, new() { Name = "待审批" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "郑玉兰" });
        await item.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Assertions.Expect(item).ToContainTextAsync("已通过");
        await second.CheckScreenAsync("approvals, approved");

        Assert.Equal(8, await _api.Available(household));
        Assert.Empty(first.ConsoleErrors);
        Assert.Empty(second.ConsoleErrors);
    }

    [Fact]
    public async Task An_approver_previews_last_month_closes_it_and_prints_its_sheet_and_pdf_without_a_token()
    {
        var last = new LastMonth(app.Clock);
        var village = await _api.NewVillage();
        var household = await HouseholdAsync(village, "何春花");
        await _api.AwardOn(village, household, await _api.NewRule(village, "purple", 7), last.Day(12));
        var approver = await _api.StaffAsync(village, Roles.Approver, "吕书记");
        await using var browser = await app.LaunchAsync();
        var phone = await app.PhoneAsync(browser);

        await ConsoleSteps.SignInAsync(phone.Page, approver);
        await ConsoleSteps.OpenAsync(phone.Page, "公示");
        await Assertions.Expect(phone.Page.GetByLabel("月份")).ToHaveValueAsync(last.Text);
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        var preview = phone.Page.GetByRole(AriaRole.Region, new() { Name = "公示预览" });
        await Assertions.Expect(preview).ToContainTextAsync("何*花");
        await Assertions.Expect(preview).ToContainTextAsync("本月 7 分");
        await phone.CheckScreenAsync("notice preview");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "结账公示" }).ClickAsync();
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已结账公示" })).ToBeVisibleAsync();
        await phone.CheckScreenAsync("notice closed");

        // The tab opens blank at the tap and goes to the print link once the server made it: wait for that answer, then the page.
        var linkMade = phone.Page.WaitForResponseAsync(response => response.Url.EndsWith("/api/print-links", StringComparison.Ordinal), new() { Timeout = 60_000 });
        var sheet = await phone.Page.RunAndWaitForPopupAsync(() => phone.Page.GetByRole(AriaRole.Button, new() { Name = "打印", Exact = true }).ClickAsync());
        Assert.True((await linkMade).Ok);
        await sheet.WaitForURLAsync("**print=**", new() { Timeout = 60_000 });
        await Assertions.Expect(sheet.Locator("body")).ToContainTextAsync("何*花");
        var pdfLink = new TaskCompletionSource<string>();
        phone.Page.Context.Request += (_, request) =>
        {
            if (request.Url.Contains(".pdf?print=", StringComparison.Ordinal)) pdfLink.TrySetResult(request.Url);
        };
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "下载 PDF" }).ClickAsync();
        using var anonymous = new HttpClient();
        var pdf = await anonymous.GetByteArrayAsync(await pdfLink.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        var text = PrintTools.Text(pdf);

        Assert.Contains("测试村", text);
        Assert.Contains(last.FirstDay.ToString("yyyy"), text);
        Assert.Contains("何*花", text);
        var closed = (await _api.Get($"/api/villages/{village.Id}", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(last.Text, (string?)closed["closedThrough"]);
        Assert.Empty(phone.ConsoleErrors);
    }

    [Fact]
    public async Task A_cadre_imports_a_roster_sees_the_refused_row_fixes_it_and_imports_again()
    {
        var village = await _api.NewVillage();
        (await _api.Post($"/api/villages/{village.Id}/grids", new { code = "G1", name = "一网格" }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var cadre = await _api.StaffAsync(village, Roles.Cadre, "褚文书");
        var (shi, wei) = (IdNumbers.Valid(), IdNumbers.Valid());
        byte[] Roster(string secondGrid) => ImportSteps.Xlsx([
            ["门牌号", "户主", "所属网格", "身份证号码", "联系电话"],
            ["0101", "施金凤", "G1", shi, "13900000101"],
            ["0102", "卫国强", secondGrid, wei, null],
        ]);
        var first = Roster("G9");
        await using var browser = await app.LaunchAsync();
        var phone = await app.PhoneAsync(browser);

        await ConsoleSteps.SignInAsync(phone.Page, cadre);
        await ConsoleSteps.OpenAsync(phone.Page, "导入");
        await phone.Page.GetByLabel("选择文件").SetInputFilesAsync(new FilePayload { Name = "花名册.xlsx", MimeType = "application/octet-stream", Buffer = first });
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "试导入" }).ClickAsync();
        var result = phone.Page.GetByRole(AriaRole.Region, new() { Name = "导入结果" });
        await Assertions.Expect(result).ToContainTextAsync("试导入（未记录）：共 2 行，新增 1，不变 0，拒绝 1");
        await Assertions.Expect(result.GetByRole(AriaRole.List, new() { Name = "需要处理的行" })).ToContainTextAsync("第 3 行");
        await phone.CheckScreenAsync("import dry run");
        var afterDryRun = (await _api.Get($"/api/villages/{village.Id}/households", village.Cadre)).Json["items"]!.AsArray().Count;
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "正式导入" }).ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("已导入：共 2 行，新增 1，不变 0，拒绝 1");
        await phone.Page.GetByLabel("选择文件").SetInputFilesAsync(new FilePayload { Name = "花名册-改.xlsx", MimeType = "application/octet-stream", Buffer = Roster("G1") });
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "正式导入" }).ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("已导入：共 2 行，新增 1，不变 1，拒绝 0");
        await phone.CheckScreenAsync("import fixed");

        var listed = (await _api.Get($"/api/villages/{village.Id}/households", village.Cadre)).Json["items"]!.AsArray();
        Assert.Equal(0, afterDryRun);
        Assert.Equal(["0101 G1", "0102 G1"], listed.Select(h => $"{h!["householdNo"]} {h["grid"]}"));
        Assert.Empty(phone.ConsoleErrors);
    }

    [Fact]
    public async Task An_auditor_sees_the_townships_villages_at_phone_width_with_the_apis_numbers()
    {
        var township = $"街道{Guid.NewGuid():N}"[..12];
        var villages = new List<TestVillage>();
        foreach (var name in new[] { "东岭村", "西河村" })
        {
            var code = $"V{Guid.NewGuid():N}"[..20];
            var id = (await _api.Post("/api/villages", new { code, name, township }, _api.Admin)).ShouldBe(HttpStatusCode.Created).Guid("villageId");
            villages.Add(new TestVillage(id, code, _api.Token(Roles.Cadre, id), _api.Token(Roles.Approver, id), _api.Token(Roles.Approver, id)));
        }
        foreach (var (village, points) in villages.Zip([7, 4]))
        {
            var rule = await _api.NewRule(village, "orange", points);
            for (var i = 0; i < 3; i++) (await _api.Award(village, await _api.NewHousehold(village), rule)).ShouldBe(HttpStatusCode.Created);
        }
        var login = $"auditor{Guid.NewGuid():N}"[..16];
        (await _api.Post("/api/staff", new { login, displayName = "孔审计", role = Roles.Auditor, township, password = ConsoleSteps.Password }, _api.Admin)).ShouldBe(HttpStatusCode.Created);
        await _api.ProjectionsCaughtUpAsync();
        var report = (await _api.Get($"/api/reports/summary?township={Uri.EscapeDataString(township)}", _api.Admin)).ShouldBe(HttpStatusCode.OK).Json;
        var expected = report["granted"]!.AsArray().GroupBy(g => (string)g!["village"]!).ToDictionary(g => g.Key, g => g.Sum(x => (int)x!["earned"]!["total"]!));
        await using var browser = await app.LaunchAsync();
        var phone = await app.PhoneAsync(browser);

        await ConsoleSteps.SignInAsync(phone.Page, login);
        await ConsoleSteps.OpenAsync(phone.Page, "统计");
        var table = phone.Page.GetByRole(AriaRole.Table, new() { Name = "各村积分" });
        await Assertions.Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        var chart = phone.Page.GetByRole(AriaRole.Img, new() { Name = "各村积分图" });
        await Assertions.Expect(chart.Locator("svg")).ToBeVisibleAsync();
        var kinds = phone.Page.GetByRole(AriaRole.Table, new() { Name = "按账户类别：农户与网格员、志愿者等个人" });
        await Assertions.Expect(kinds.GetByRole(AriaRole.Row, new() { Name = "农户" })).ToBeVisibleAsync();
        await phone.CheckScreenAsync("township dashboard");
        var shown = new Dictionary<string, int>();
        foreach (var name in new[] { "东岭村", "西河村" })
        {
            await Assertions.Expect(chart.Locator("svg text").Filter(new() { HasText = name })).ToHaveCountAsync(1);
            shown[name] = int.Parse(await table.GetByRole(AriaRole.Row).Filter(new() { HasText = name }).GetByTestId("village-total").InnerTextAsync());
        }

        await table.GetByRole(AriaRole.Button, new() { Name = "西河村" }).ClickAsync();
        await phone.Page.GetByRole(AriaRole.Heading, new() { Name = "公示", Exact = true }).WaitForAsync();
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "西河村 · 村务台" })).ToBeVisibleAsync();
        await Assertions.Expect(phone.Page.GetByLabel("月份")).ToHaveValueAsync(new LastMonth(app.Clock).Text);

        Assert.Equal(new Dictionary<string, int> { ["东岭村"] = 21, ["西河村"] = 12 }, expected);
        Assert.Equal(expected, shown);
        Assert.Empty(phone.ConsoleErrors);
    }

    [Fact]
    public async Task A_cadre_registers_a_household_then_changes_its_phone_and_reissues_its_lost_card()
    {
        var village = await _api.NewVillage();
        var cadre = await _api.StaffAsync(village, Roles.Cadre, "蒋文书");
        var householdNo = $"N{Guid.NewGuid():N}"[..8];
        await using var browser = await app.LaunchAsync();
        var phone = await app.PhoneAsync(browser);

        await ConsoleSteps.SignInAsync(phone.Page, cadre);
        await ConsoleSteps.OpenAsync(phone.Page, "户籍");
        await phone.Page.GetByRole(AriaRole.Link, new() { Name = "登记新户" }).ClickAsync();
        await phone.Page.GetByLabel("户号").FillAsync(householdNo);
        await phone.Page.GetByLabel("户主").FillAsync("沈桂香");
        await phone.Page.GetByLabel("身份证号").FillAsync(IdNumbers.Valid());
        await phone.CheckScreenAsync("register a household");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        var facts = phone.Page.GetByRole(AriaRole.Heading, new() { Name = $"{householdNo} 号 · 沈桂香" });
        await facts.WaitForAsync();
        var firstCard = await phone.Page.Locator("dd").Nth(2).InnerTextAsync();
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "换手机号" }).ClickAsync();
        await phone.Page.GetByLabel("新手机号").FillAsync("13912345678");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "确认变更" }).ClickAsync();
        await Assertions.Expect(phone.Page.Locator("dd").Nth(1)).ToHaveTextAsync("13912345678");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "补发户卡" }).ClickAsync();
        await phone.Page.GetByLabel("原因").FillAsync("原卡遗失");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "确认变更" }).ClickAsync();
        await Assertions.Expect(phone.Page.Locator("dd").Nth(2)).Not.ToHaveTextAsync(firstCard);
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Region, new() { Name = "积分明细" })).ToContainTextAsync("补办户卡");
        await phone.CheckScreenAsync("household changed");

        var listed = (await _api.Get($"/api/villages/{village.Id}/households?q={householdNo}", village.Cadre)).Json["items"]!.AsArray();
        var household = (await _api.Get($"/api/households/{(string)listed.Single()!["householdId"]!}", village.Cadre)).Json;
        Assert.Equal(("13912345678", await phone.Page.Locator("dd").Nth(2).InnerTextAsync()), ((string?)household["phone"], (string?)household["cardNo"]));
        Assert.Empty(phone.ConsoleErrors);
    }

    [Fact]
    public async Task An_approver_answers_a_residents_objection_to_a_closed_notice_within_its_window()
    {
        var last = new LastMonth(app.Clock);
        var village = await _api.NewVillage();
        var household = await HouseholdAsync(village, "魏长顺");
        await _api.AwardOn(village, household, await _api.NewRule(village, "blue", 5), last.Day(8));
        (await _api.CloseMonth(village, last.Text)).ShouldBe(HttpStatusCode.Created);
        (await _api.Post($"/api/villages/{village.Id}/notices/{last.Text}/objections", new { entryNo = 1, text = "这条加分日期记错了" },
            _api.Token("resident", householdId: household))).ShouldBe(HttpStatusCode.Created);
        var approver = await _api.StaffAsync(village, Roles.Approver, "杨主任");
        await using var browser = await app.LaunchAsync();
        var phone = await app.PhoneAsync(browser);

        await ConsoleSteps.SignInAsync(phone.Page, approver);
        await ConsoleSteps.OpenAsync(phone.Page, "公示");
        await phone.Page.GetByLabel("月份").SelectOptionAsync(last.Text);
        var objection = phone.Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "这条加分日期记错了" });
        await Assertions.Expect(objection).ToContainTextAsync("待答复");
        var number = (string)(await _api.Get($"/api/households/{household}", village.Cadre)).Json["householdNo"]!;
        await phone.Page.GetByLabel($"答复 {number} 号").FillAsync("已核实，下月更正");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "采纳", Exact = true }).ClickAsync();
        await Assertions.Expect(objection).ToContainTextAsync("已采纳");
        await Assertions.Expect(objection).ToContainTextAsync("答复：已核实，下月更正");
        await phone.CheckScreenAsync("objection answered");

        var answered = (await _api.Get($"/api/villages/{village.Id}/notices/{last.Text}", village.Cadre)).Json["objections"]!.AsArray().Single()!;
        Assert.Equal(("upheld", "已核实，下月更正"), ((string?)answered["status"], (string?)answered["answer"]));
        Assert.Empty(phone.ConsoleErrors);
    }
}

