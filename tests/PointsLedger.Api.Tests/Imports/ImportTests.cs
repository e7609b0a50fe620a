using System.Net;
using System.Text;

namespace PointsLedger.Api.Tests.Imports;

[Collection(LedgerCollection.Name)]
public sealed class ImportTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    private static string FullWidth(string digits) => string.Concat(digits.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c));

    [Fact]
    public async Task A_roster_as_villages_keep_it_imports_row_by_row_a_dry_run_changes_nothing_and_importing_it_again_changes_nothing()
    {
        var village = await _api.NewVillage();
        (await _api.Post($"/api/villages/{village.Id}/grids", new { code = "一网格", name = "一网格" }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var withX = IdNumbers.Valid();
        while (!withX.EndsWith('X')) withX = IdNumbers.Valid();
        var (a, b, member) = (IdNumbers.Valid(), withX.ToLowerInvariant(), IdNumbers.Valid());
        var rows = new List<object?[]>
        {
            new object?[] { "东刁村户籍花名册" },
            new object?[] { "门牌号", "户主", "所属网格", "身份证号码", "联系电话", "成员姓名", "与户主关系", "成员身份证号", "备用列" },
            new object?[] { "0001 ", " 张三明", "一网格", FullWidth(a), "13800000001", null, null, null, "x" },
            new object?[] { "0002", "王五", null, b, 13800000002L, null, null, null, null },
            null!,
            new object?[] { "0001", null, null, null, null, "李四芳", "配偶", member, null },
            new object?[] { "0003", "赵六", null, 3.70112198001011E+17, null, null, null, null, null },
            new object?[] { "0004", "钱七", "九网格", IdNumbers.Valid(), null, null, null, null, null },
        };
        rows[4] = [];
        // The grid cell is merged over the first two households, as villages draw their grids.
        var file = ImportSteps.Xlsx(rows, "C3:C4");

        var dry = await app.Import(village.Cadre, village.Id, "households", file, "花名册.xlsx", dryRun: true);
        var listedAfterDryRun = (await _api.Get($"/api/villages/{village.Id}/households", village.Cadre)).Json["items"]!.AsArray();
        var committed = await app.Import(village.Cadre, village.Id, "households", file, "花名册.xlsx");
        var again = await app.Import(village.Cadre, village.Id, "households", file, "花名册.xlsx");
        var listed = (await _api.Get($"/api/villages/{village.Id}/households", village.Cadre)).Json["items"]!.AsArray();

        Assert.Equal((5, 3, 2), ((int)dry["rows"]!, (int)dry["created"]!, (int)dry["refused"]!));
        Assert.Empty(listedAfterDryRun);
        Assert.Equal(("done", 5, 3, 2), ((string?)committed["status"], (int)committed["processed"]!, (int)committed["created"]!, (int)committed["refused"]!));
        Assert.Equal(["备用列"], committed["unknownColumns"]!.AsArray().Select(c => (string)c!));
        Assert.Equal("id-number-stored-as-number", (string?)committed.Row(7)["code"]);
        Assert.Contains("文本", (string?)committed.Row(7)["message"]);
        Assert.Equal("unknown-grid", (string?)committed.Row(8)["code"]);
        Assert.Equal((3, 0, 2), ((int)again["unchanged"]!, (int)again["created"]!, (int)again["refused"]!));
        Assert.Equal(["0001", "0002"], listed.Select(h => (string)h!["householdNo"]!));
        var first = (await _api.Get($"/api/households/{listed[0]!["householdId"]}", village.Cadre)).Json;
        Assert.Equal(("张三明", "13800000001", "一网格"), ((string?)first["headName"], (string?)first["phone"], (string?)first["grid"]));
        Assert.Equal(("李四芳", "pending"), ((string?)first["members"]![0]!["name"], (string?)first["members"]![0]!["status"]));
        var second = (await _api.Get($"/api/households/{listed[1]!["householdId"]}", village.Cadre)).Json;
        Assert.Equal(("13800000002", "一网格"), ((string?)second["phone"], (string?)second["grid"]));
        Assert.DoesNotContain(a, committed.ToJsonString());
    }

    [Fact]
    public async Task A_corrected_roster_adds_only_the_rows_refused_before()
    {
        var village = await _api.NewVillage();
        var (a, b) = (IdNumbers.Valid(), IdNumbers.Valid());
        byte[] Roster(object bId) => ImportSteps.Xlsx([["户号", "户主姓名", "身份证号"], ["0001", "甲", a], ["0002", "乙", bId]]);

        var first = await app.Import(village.Cadre, village.Id, "households", Roster(370112198001011000L), "r.xlsx");
        var corrected = await app.Import(village.Cadre, village.Id, "households", Roster(b), "r.xlsx");

        Assert.Equal((1, 1), ((int)first["created"]!, (int)first["refused"]!));
        Assert.Equal((1, 1, 0), ((int)corrected["created"]!, (int)corrected["unchanged"]!, (int)corrected["refused"]!));
    }

    [Fact]
    public async Task A_paper_ledger_saved_by_a_chinese_excel_as_gb18030_csv_imports_with_its_page_and_line_and_repeats_are_noticed()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village, "0101");
        await _api.NewHousehold(village, "0102");
        (await _api.Post($"/api/villages/{village.Id}/rules", new { code = "O1", color = "orange", title = "孝老爱亲", points = 5, monthlyCap = 10 }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created);
        var today = app.Clock.GetUtcNow().AddHours(8);
        var d = today.AddDays(-1);
        var lines = new[]
        {
            "户号,细则编码,日期,备注,纸质台账页行",
            $"0101,O1,{d:yyyy-MM-dd},扶老人过马路,第3页第1行",
            $"0101,O1,{d:yyyy/M/d},,第3页第2行",
            $"0101,O1,{d:yyyy年M月d日},,第3页第3行",
            $"0102,O1,{d:yyyy.MM.dd},,第3页第4行",
            $"0102,O1,{today.AddDays(2):yyyy-MM-dd},,第3页第5行",
            "0199,O1,2026-10-15,,第3页第6行",
            $"0102,X9,{d:yyyy-MM-dd},,第3页第7行",
            $"0102,O1,昨天,,第3页第8行",
        };
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Encoding.GetEncoding("GB18030").GetBytes(string.Join("\r\n", lines));

        var committed = await app.Import(village.Cadre, village.Id, "awards", csv, "台账.csv");
        var again = await app.Import(village.Cadre, village.Id, "awards", csv, "台账.csv");
        var ledger = await _api.Ledger(household);

        Assert.Equal("done", (string?)committed["status"]);
        Assert.Equal(("created", "created"), ((string?)committed.Row(2)["status"], (string?)committed.Row(3)["status"]));
        Assert.Equal("monthly-cap-reached", (string?)committed.Row(4)["code"]);
        Assert.Equal("created", (string?)committed.Row(5)["status"]);
        Assert.Equal("occurred-in-future", (string?)committed.Row(6)["code"]);
        Assert.Equal("household-number-unknown", (string?)committed.Row(7)["code"]);
        Assert.Equal("unknown-rule", (string?)committed.Row(8)["code"]);
        Assert.Equal("date-invalid", (string?)committed.Row(9)["code"]);
        Assert.Equal((3, 0), ((int)again["unchanged"]!, (int)again["created"]!));
        Assert.Equal(10, (int)(await _api.Balance(household))["earned"]!["orange"]!);
        Assert.Equal(["第3页第2行", "第3页第1行"], ledger.Where(e => (string?)e!["kind"] == "award").Select(e => (string)e!["paperRef"]!));
        Assert.Contains(ledger, e => (string?)e!["note"] == "扶老人过马路");
    }

    [Fact]
    public async Task A_row_that_looks_like_an_award_already_recorded_is_entered_once_the_cadre_confirms_it_and_a_cap_still_holds()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village, "0201");
        var rule = await _api.NewRule(village, "green", 5, monthlyCap: 10);
        (await _api.Award(village, household, rule)).ShouldBe(HttpStatusCode.Created);
        var serial = app.Clock.GetUtcNow().AddHours(8).Date.ToOADate();
        var sheet = ImportSteps.Xlsx([["户号", "细则编码", "日期", "纸质台账页行"], ["0201", rule, serial, "p1-1"], ["0201", rule, _api.Today(), "p1-2"],
            ["0201", rule, _api.Today(), "p1-2"]]);

        var warned = await app.Import(village.Cadre, village.Id, "awards", sheet, "book.xlsx");
        var confirmed = await app.Import(village.Cadre, village.Id, "awards", sheet, "book.xlsx", confirm: true);

        Assert.Equal((2, "duplicate-row"), ((int)warned["warnings"]!, (string?)warned.Row(4)["code"]));
        Assert.Equal("created", (string?)confirmed.Row(2)["status"]);
        Assert.Equal("monthly-cap-reached", (string?)confirmed.Row(3)["code"]);
        Assert.Equal("duplicate-row", (string?)confirmed.Row(4)["code"]);
        Assert.Equal(10, (int)(await _api.Balance(household))["earned"]!["total"]!);
    }

    [Fact]
    public async Task Files_that_are_not_what_they_should_be_are_refused_whole_with_a_clear_problem()
    {
        var village = await _api.NewVillage();
        var roster = ImportSteps.Xlsx([["户号", "户主姓名", "身份证号"], ["0001", "甲", IdNumbers.Valid()]]);

        var wrongKind = await app.Import(village.Cadre, village.Id, "awards", roster, "roster.xlsx");
        var notASheet = await app.Import(village.Cadre, village.Id, "households", [0x25, 0x50, 0x44, 0x46, 0x00, 0x01], "scan.pdf");
        var noHeader = await app.Import(village.Cadre, village.Id, "households", Encoding.UTF8.GetBytes("一,二\n三,四\n"), "notes.csv");
        var empty = await app.Upload(village.Cadre, village.Id, "households", [], "empty.csv");
        var tooLarge = await app.Upload(village.Cadre, village.Id, "households", new byte[11 * 1024 * 1024], "big.csv");
        var noKind = await app.Upload(village.Cadre, village.Id, "", roster, "roster.xlsx");
        var otherVillage = await app.Upload((await _api.NewVillage()).Cadre, village.Id, "households", roster, "roster.xlsx");

        Assert.Equal(("failed", "import-wrong-kind"), ((string?)wrongKind["status"], (string?)wrongKind["failureCode"]));
        Assert.Contains("户籍花名册", (string?)wrongKind["failure"]);
        Assert.Equal("import-not-a-spreadsheet", (string?)notASheet["failureCode"]);
        Assert.Equal("import-empty", (string?)noHeader["failureCode"]);
        empty.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "import-empty");
        tooLarge.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "import-too-large");
        noKind.ShouldBe(HttpStatusCode.BadRequest);
        otherVillage.ShouldBeProblem(HttpStatusCode.Forbidden, "out-of-scope");
    }

    [Fact]
    public async Task An_upload_retried_with_its_key_is_one_import_and_the_import_is_in_the_audit_trail_with_the_files_digest()
    {
        var village = await _api.NewVillage();
        var roster = ImportSteps.Xlsx([["户号", "户主姓名", "身份证号"], ["0001", "甲", IdNumbers.Valid()]]);

        var first = (await app.Upload(village.Cadre, village.Id, "households", roster, "r.xlsx", key: "upload-1")).ShouldBe(HttpStatusCode.Accepted);
        var retried = await app.Upload(village.Cadre, village.Id, "households", roster, "r.xlsx", key: "upload-1");
        var done = await app.Finished(village.Cadre, first.Guid("importId"));
        var audit = (await _api.Get($"/api/audit?villageId={village.Id}", _api.Admin)).Json;

        Assert.True(retried.Replayed);
        Assert.Contains(audit["entries"]!.AsArray(), e => (string?)e!["event"] == "import_uploaded" && (Guid)e["streamId"]! == first.Guid("importId"));
        Assert.Equal(first.Body, retried.Body);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(roster)), (string?)done["sha256"]);
        Assert.Single((await _api.Get($"/api/villages/{village.Id}/households", village.Cadre)).Json["items"]!.AsArray());
        (await _api.Get($"/api/imports/{first.Guid("importId")}", (await _api.NewVillage()).Cadre)).ShouldBeProblem(HttpStatusCode.NotFound, "import-not-found");
    }
}
