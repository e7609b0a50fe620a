using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PointsLedger.Api.Tests.Redemptions;

namespace PointsLedger.Api.Tests.Notices;

[Collection(LedgerCollection.Name)]
public sealed class NoticeTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);
    private readonly LastMonth _last = new(app);

    [Fact]
    public async Task The_notice_lists_every_household_masked_ranked_and_its_totals_equal_the_ledgers()
    {
        var village = await _api.NewVillage();
        var red = await _api.NewRule(village, "red", 10);
        var green = await _api.NewRule(village, "green", 5);
        var littering = await _api.NewRule(village, "green", -2);
        var households = new List<Guid>();
        for (var i = 0; i < 4; i++) households.Add(await _api.NewHousehold(village, $"00{i + 1}"));
        await _api.AwardOn(village, households[0], red, _last.Day(2));
        await _api.AwardOn(village, households[1], green, _last.Day(3));
        await _api.AwardOn(village, households[1], green, _last.Day(4));
        await _api.AwardOn(village, households[2], red, _last.Day(5));
        await _api.AwardOn(village, households[2], littering, _last.Day(6));
        await _api.AwardOn(village, households[3], green, _last.Day(7));
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 4);
        using (app.Clock.Pin(_last.Noon(20)))
        {
            (await _api.Redeem(_api.Admin, new { merchantId = shop.Id, offerId = offer, householdId = households[0] })).ShouldBe(HttpStatusCode.Created);
        }
        await _api.AwardOn(village, households[3], red, _api.Today());
        (await _api.CloseMonth(village, _last.Text)).ShouldBe(HttpStatusCode.Created);

        var notice = (await _api.Get($"/api/villages/{village.Id}/notices/{_last.Text}", _api.Token("resident", householdId: households[3])))
            .ShouldBe(HttpStatusCode.OK).Json;
        var csv = await _api.Download($"/api/villages/{village.Id}/notices/{_last.Text}.csv", village.Cadre);
        var xlsx = await _api.Download($"/api/villages/{village.Id}/notices/{_last.Text}.xlsx", _api.Token("auditor"));

        var lines = notice["households"]!.AsArray();
        Assert.Equal(["001", "002", "003", "004"], lines.Select(l => (string?)l!["householdNo"]));
        Assert.All(lines, l => Assert.Equal("张*明", (string?)l!["name"]));
        Assert.Equal([1, 1, 3, 4], lines.Select(l => (int)l!["rank"]!));
        Assert.Equal([4, 0, 0, 0], lines.Select(l => (int)l!["spent"]!));
        // 003's green deduction finds no green points to take: available never goes below what its colour holds.
        Assert.Equal([6, 10, 10, 5], lines.Select(l => (int)l!["available"]!));
        Assert.Equal(["award", "award", "award", "award", "deduction", "award"], notice["entries"]!.AsArray().Select(e => (string?)e!["kind"]));
        var byColour = new Dictionary<string, int>();
        foreach (var household in households)
        {
            foreach (var entry in (await _api.Ledger(household)).Where(e => ((string?)e!["occurredOn"])?.StartsWith(_last.Text) == true))
            {
                var colour = (string)entry!["color"]!;
                byColour[colour] = byColour.GetValueOrDefault(colour) + (int)entry["earned"]!;
            }
        }
        Assert.Equal(byColour.GetValueOrDefault("red"), (int)notice["totals"]!["earned"]!["red"]!);
        Assert.Equal(byColour.GetValueOrDefault("green"), (int)notice["totals"]!["earned"]!["green"]!);
        Assert.Equal(byColour.Values.Sum(), (int)notice["totals"]!["earned"]!["total"]!);

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var csvText = Encoding.UTF8.GetString(csv[3..]);
        Assert.StartsWith("户号,户主,红,紫,橙,绿,蓝", csvText);
        Assert.Contains((string)notice["digest"]!, csvText);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["公示", "明细", "核验"], sheets.Select(sheet => sheet.Name!.Value));
        var posted = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[0].Id!);
        Assert.Equal(1 + 4 + 2, posted.Worksheet.Descendants<Row>().Count());
    }

    [Fact]
    public async Task Only_the_village_and_its_township_read_its_notice()
    {
        var village = await _api.NewVillage();
        var other = await _api.NewVillage();
        var household = await _api.NewHousehold(village);
        var stranger = await _api.NewHousehold(other);
        (await _api.CloseMonth(village, _last.Text)).ShouldBe(HttpStatusCode.Created);
        var url = $"/api/villages/{village.Id}/notices/{_last.Text}";

        (await _api.Get(url, _api.Token("resident", householdId: household))).ShouldBe(HttpStatusCode.OK);
        (await _api.Get(url, _api.Token("resident", householdId: stranger))).ShouldBeProblem(HttpStatusCode.NotFound, "notice-not-found");
        (await _api.Get(url, other.Cadre)).ShouldBeProblem(HttpStatusCode.NotFound, "notice-not-found");
        (await _api.Get(url, _api.Token("auditor", township: "明水街道"))).ShouldBeProblem(HttpStatusCode.NotFound, "notice-not-found");
        (await _api.Get($"/api/villages/{village.Id}/notices/{_last.FirstDay.AddMonths(-1):yyyy-MM}", village.Cadre))
            .ShouldBeProblem(HttpStatusCode.NotFound, "notice-not-found");
    }

    [Fact]
    public async Task An_objection_is_raised_within_the_window_answered_and_its_answer_seen_by_the_household()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "orange", 5);
        var objector = await _api.NewHousehold(village, "101");
        var neighbour = await _api.NewHousehold(village, "102");
        await _api.AwardOn(village, objector, rule, _last.Day(9));
        await _api.AwardOn(village, neighbour, rule, _last.Day(9));
        var closed = (await _api.CloseMonth(village, _last.Text)).ShouldBe(HttpStatusCode.Created).Json;
        var url = $"/api/villages/{village.Id}/notices/{_last.Text}";
        var resident = _api.Token("resident", householdId: objector);
        var neighbourToken = _api.Token("resident", householdId: neighbour);

        var raised = (await _api.Post($"{url}/objections", new { entryNo = 2, text = "邻居那条孝老爱亲加分不属实" }, resident)).ShouldBe(HttpStatusCode.Created);
        var objection = raised.Guid("objectionId");
        var unknownEntry = await _api.Post($"{url}/objections", new { entryNo = 99, text = "没有这条" }, resident);
        var seenByNeighbour = (await _api.Get(url, neighbourToken)).Json["objections"]![0]!;
        var dismissed = (await _api.Post($"{url}/objections/{objection}/answer", new { upheld = false, answer = "经核实属实，不予支持" }, village.Approver))
            .ShouldBe(HttpStatusCode.OK).Json;
        var twice = await _api.Post($"{url}/objections/{objection}/answer", new { upheld = true, answer = "改判" }, village.Approver);
        var seenByObjector = (await _api.Get(url, resident)).Json["objections"]![0]!;
        Response afterWindow;
        JsonNode final;
        var deadline = DateOnly.Parse((string)closed["objectionDeadline"]!);
        using (app.Clock.Pin(new DateTimeOffset(deadline.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8))))
        {
            afterWindow = await _api.Post($"{url}/objections", new { text = "晚了" }, resident);
            final = (await _api.Get(url, resident)).Json;
        }

        unknownEntry.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "unknown-entry");
        Assert.Equal("open", (string?)seenByNeighbour["status"]);
        Assert.Null(seenByNeighbour["text"]);
        Assert.Equal("dismissed", (string?)dismissed["status"]);
        twice.ShouldBeProblem(HttpStatusCode.Conflict, "objection-already-answered");
        Assert.Equal("经核实属实，不予支持", (string?)seenByObjector["answer"]);
        Assert.Equal("邻居那条孝老爱亲加分不属实", (string?)seenByObjector["text"]);
        afterWindow.ShouldBeProblem(HttpStatusCode.Conflict, "objection-window-closed");
        Assert.True((bool)final["final"]!);
    }

    [Fact]
    public async Task A_household_has_at_most_three_open_objections_and_objections_leave_the_notice_document_alone()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "orange", 5);
        var household = await _api.NewHousehold(village, "201");
        await _api.AwardOn(village, household, rule, _last.Day(9));
        (await _api.CloseMonth(village, _last.Text)).ShouldBe(HttpStatusCode.Created);
        var url = $"/api/villages/{village.Id}/notices/{_last.Text}";
        var resident = _api.Token("resident", householdId: household);
        var noticeRow = await NoticeRow(village.Id);

        var raised = new List<Response>();
        for (var i = 0; i < 4; i++) raised.Add(await _api.Post($"{url}/objections", new { text = $"第{i + 1}条异议" }, resident));
        var first = raised[0].Guid("objectionId");
        (await _api.Post($"{url}/objections/{first}/answer", new { upheld = false, answer = "已核实" }, village.Approver)).ShouldBe(HttpStatusCode.OK);
        var afterAnswer = await _api.Post($"{url}/objections", new { text = "再提一条" }, resident);
        var listed = (await _api.Get($"/api/villages/{village.Id}/notices", village.Cadre)).Json[0]!;

        Assert.All(raised.Take(3), r => r.ShouldBe(HttpStatusCode.Created));
        raised[3].ShouldBeProblem(HttpStatusCode.Conflict, "too-many-open-objections");
        afterAnswer.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(3, (int)listed["openObjections"]!);
        Assert.Equal(4, (await _api.Get(url, village.Cadre)).Json["objections"]!.AsArray().Count);
        Assert.Equal(noticeRow, await NoticeRow(village.Id));
    }

    /// <summary>The stored notice document's version and last change, straight from PostgreSQL.</summary>
    private async Task<string> NoticeRow(Guid villageId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "select mt_version::text || ' ' || mt_last_modified::text from ledger.mt_doc_notice where data ->> 'villageId' = @village", connection);
        command.Parameters.AddWithValue("village", villageId.ToString());
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
