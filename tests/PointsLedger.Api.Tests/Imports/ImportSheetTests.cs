using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PointsLedger.Auth;
using PointsLedger.Imports;

namespace PointsLedger.Api.Tests.Imports;

[Collection(LedgerCollection.Name)]
public sealed class ImportSheetTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    private static List<string?[]> Cells(byte[] xlsx)
    {
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = (WorksheetPart)workbook.WorkbookPart!.GetPartById(workbook.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        return sheet.Worksheet.Descendants<Row>().Select(row =>
        {
            var cells = new string?[12];
            foreach (var cell in row.Elements<Cell>()) cells[cell.CellReference!.Value![0] - 'A'] = cell.InnerText;
            return cells;
        }).ToList();
    }

    [Fact]
    public async Task The_exported_roster_imported_again_changes_nothing_and_a_household_added_to_it_is_registered()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village, "0001");
        var member = (await _api.Post($"/api/households/{household}/members", new { name = "李四芳", idNumber = IdNumbers.Valid(), relation = "配偶" }, village.Cadre))
            .Guid("memberId");
        (await _api.Post($"/api/households/{household}/members/{member}/approve", new { }, village.Approver)).ShouldBe(HttpStatusCode.OK);
        await _api.NewHousehold(village, "0002");

        var exported = await _api.Download($"/api/villages/{village.Id}/households.xlsx", village.Cadre);
        var again = await app.Import(village.Cadre, village.Id, "households", exported, "export.xlsx");
        var rows = Cells(exported);
        rows.Add(["0003", "孙八", IdNumbers.Valid()]);
        var extended = await app.Import(village.Cadre, village.Id, "households", ImportSteps.Xlsx(rows.Select(r => r.Cast<object?>().ToArray())), "export.xlsx");

        Assert.Equal(["户号", "户主姓名", "身份证号", "手机号", "网格", "成员姓名", "与户主关系", "成员身份证号"], rows[0].Take(8));
        Assert.Equal(("0001", "李四芳", "配偶"), (rows[2][0], rows[2][5], rows[2][6]));
        Assert.Contains("*", rows[1][2]);
        Assert.Equal((3, 0, 0, 0), ((int)again["unchanged"]!, (int)again["created"]!, (int)again["refused"]!, (int)again["warnings"]!));
        Assert.Equal((1, 3), ((int)extended["created"]!, (int)extended["unchanged"]!));
    }

    [Fact]
    public async Task LibreOffice_reads_the_exported_roster_and_the_report_with_every_number_and_message_as_written()
    {
        var village = await _api.NewVillage();
        var idNumber = IdNumbers.Valid();
        var sheet = ImportSteps.Xlsx([["户号", "户主姓名", "身份证号", "手机号"], ["0007", "王建国", idNumber, "13912345678"], ["0008", "乙", "123"]]);
        var import = await app.Import(village.Cadre, village.Id, "households", sheet, "r.xlsx");

        var roster = PrintTools.SheetAsLibreOfficeReadsIt(await _api.Download($"/api/villages/{village.Id}/households.xlsx", village.Cadre));
        var report = PrintTools.SheetAsLibreOfficeReadsIt(await _api.Download($"/api/imports/{import["importId"]}/report.xlsx", village.Cadre));

        Assert.Equal(["户号", "户主姓名", "身份证号", "手机号"], roster[0].Take(4));
        Assert.Equal(["0007", "王建国", PointsLedger.Households.IdNumber.Mask(idNumber), "13912345678"], roster[1].Take(4));
        Assert.Equal(("导入结果", "已导入"), (report[0][^1], report[1].First(cell => cell.Length > 0 && cell.StartsWith('已'))));
        Assert.Contains(report[2], cell => cell.StartsWith("未导入：身份证号码", StringComparison.Ordinal));
        Assert.Equal("0008", report[2][0]);
    }

    [Fact]
    public async Task The_templates_keep_id_numbers_as_text_and_offer_the_villages_rules_in_force()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "red", 5);
        var retired = await _api.NewRule(village, "red", 3);
        (await _api.Post($"/api/villages/{village.Id}/rules/{retired}/retire", new { reason = "停用" }, village.Cadre)).ShouldBe(HttpStatusCode.OK);

        var households = await _api.Download("/api/imports/templates/households.xlsx", village.Cadre);
        var awards = await _api.Download($"/api/imports/templates/awards.xlsx", village.Cadre);

        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(households), false))
        {
            var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
            var idColumn = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().Single(c => c.Min!.Value == 3);
            var style = workbook.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)idColumn.Style!.Value);
            Assert.Equal(49u, style.NumberFormatId!.Value);
        }
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(awards), false))
        {
            var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
            var choices = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[1].Id!);
            var validation = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[0].Id!)).Worksheet.Descendants<DataValidation>().Single();
            Assert.Equal(SheetStateValues.Hidden, sheets[1].State!.Value);
            Assert.Equal([rule], choices.Worksheet.Descendants<Cell>().Select(c => c.InnerText));
            Assert.StartsWith("B2", validation.SequenceOfReferences!.InnerText);
        }
    }

    [Fact]
    public async Task The_report_gives_the_sheet_back_with_a_result_column_and_the_refused_rows_filled()
    {
        var village = await _api.NewVillage();
        var sheet = ImportSteps.Xlsx([["花名册"], ["户号", "户主姓名", "身份证号"], ["0001", "甲", IdNumbers.Valid()], ["0002", "乙", "123"]]);
        var import = await app.Import(village.Cadre, village.Id, "households", sheet, "r.xlsx");

        var report = await _api.Download($"/api/imports/{import["importId"]}/report.xlsx", village.Cadre);

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(report), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal("导入结果", rows[1].Elements<Cell>().Last().InnerText);
        Assert.Equal("已导入", rows[2].Elements<Cell>().Last().InnerText);
        Assert.StartsWith("未导入：身份证号码 *** 无效", rows[3].Elements<Cell>().Last().InnerText);
        Assert.EndsWith("************", rows[2].Elements<Cell>().ElementAt(2).InnerText);
        Assert.Equal(2u, rows[3].Elements<Cell>().First().StyleIndex!.Value);
        Assert.Null(rows[2].Elements<Cell>().First().StyleIndex);
    }

    [Fact]
    public async Task An_import_stopped_mid_way_resumes_after_its_last_committed_chunk_and_never_half_applies_one()
    {
        var village = await _api.NewVillage();
        var rows = new List<object?[]> { new object?[] { "户号", "户主姓名", "身份证号" } };
        rows.AddRange(Enumerable.Range(1, 3 * ImportRunner.ChunkSize).Select(i => new object?[] { $"{i:D5}", "户主", IdNumbers.Valid() }));
        var file = ImportSteps.Xlsx(rows);
        var importId = Guid.CreateVersion7();
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            await using (var content = new MemoryStream(file)) await ImportFiles.SaveAsync(session, importId, content, default);
            session.Events.StartStream<Import>(importId, new ImportUploaded(importId, village.Id, ImportKind.Households, false, false, "big.xlsx", "sha", file.Length,
                new Actor("cadre-import", Roles.Cadre, village.Id)));
            session.Store(new ImportProgress(importId, 0, 0, new Dictionary<RowStatus, int>(), []));
            await session.SaveChangesAsync();
        }
        var runner = app.Host.Services.GetRequiredService<ImportRunner>();

        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(importId, stop.Token);
        int processed;
        do
        {
            await Task.Delay(20);
            await using var query = store.QuerySession();
            processed = (await query.LoadAsync<ImportProgress>(importId))!.Processed;
        } while (processed == 0 && !running.IsCompleted);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        int registeredWhenStopped, processedWhenStopped;
        await using (var query = store.QuerySession())
        {
            processedWhenStopped = (await query.LoadAsync<ImportProgress>(importId))!.Processed;
            registeredWhenStopped = await query.Query<PointsLedger.Households.Household>().CountAsync(h => h.VillageId == village.Id);
        }
        var stopped = (await new LedgerClient(app).Get($"/api/imports/{importId}", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json;
        await runner.RunAsync(importId, default);
        var done = await app.Finished(village.Cadre, importId);

        Assert.Equal(("running", processedWhenStopped, 0), ((string?)stopped["status"], (int)stopped["processed"]!, stopped["report"]!.AsArray().Count));
        Assert.Equal(3 * ImportRunner.ChunkSize, done["report"]!.AsArray().Count);

        Assert.Equal(0, processedWhenStopped % ImportRunner.ChunkSize);
        Assert.InRange(processedWhenStopped, ImportRunner.ChunkSize, 2 * ImportRunner.ChunkSize);
        Assert.Equal(processedWhenStopped, registeredWhenStopped);
        Assert.Equal(("done", 3 * ImportRunner.ChunkSize, 3 * ImportRunner.ChunkSize), ((string?)done["status"], (int)done["created"]!, (int)done["processed"]!));
        await using var after = store.QuerySession();
        Assert.Equal(3 * ImportRunner.ChunkSize, await after.Query<PointsLedger.Households.Household>().CountAsync(h => h.VillageId == village.Id));
    }
}
