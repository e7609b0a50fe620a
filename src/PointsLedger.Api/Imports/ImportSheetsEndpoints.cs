using Marten;
using Microsoft.AspNetCore.Mvc;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Imports;

/// <summary>The sheets to fill in and to fix: the templates, the roster as it stands, an import's report.</summary>
public static class ImportSheetsEndpoints
{
    public static readonly string[] HouseholdHeaders = ["户号", "户主姓名", "身份证号", "手机号", "网格", "成员姓名", "与户主关系", "成员身份证号"];
    public static readonly string[] AwardHeaders = ["户号", "细则编码", "日期", "备注", "纸质台账页行"];
    private static readonly int[] HouseholdTextColumns = [0, 2, 3, 7];

    /// <summary>花名册模板: a household per row; each member on a row of its own below, with the household's 户号 and 成员姓名, 与户主关系, 成员身份证号.</summary>
    [WolverineGet("/api/imports/templates/households.xlsx"), Tags("Imports"), ProducesResponseType(typeof(byte[]), 200, WorkbookWriter.ContentType)]
    public static IResult HouseholdTemplate(Actor actor)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre);
        return Results.File(WorkbookWriter.Write("花名册", [HouseholdHeaders], HouseholdTextColumns), WorkbookWriter.ContentType, "花名册模板.xlsx");
    }

    /// <summary>积分台账模板: its 细则编码 column offers the village's rules in force (<c>villageId</c>; a cadre's own by default).</summary>
    [WolverineGet("/api/imports/templates/awards.xlsx"), Tags("Imports"), ProducesResponseType(typeof(byte[]), 200, WorkbookWriter.ContentType)]
    public static async Task<IResult> AwardTemplate(Guid? villageId, Actor actor, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre);
        var id = villageId ?? actor.VillageId ?? throw new Refusal(ProblemCodes.VillageRequired);
        actor.MustActIn(id);
        var village = await session.LoadVillageAsync(id, ct);
        actor.MustActIn(village);
        var rules = village.Rules.Values.Where(r => !r.IsRetired).Select(r => r.Code).Order(StringComparer.Ordinal).ToList();
        return Results.File(WorkbookWriter.Write("积分台账", [AwardHeaders], [0, 4], choices: (1, rules)), WorkbookWriter.ContentType, $"{village.Name}积分台账模板.xlsx");
    }

    /// <summary>
    /// 导出花名册 in the template's layout, ID numbers masked: importing it again changes nothing, so a
    /// cadre adds households to the export and imports it back.
    /// </summary>
    [WolverineGet("/api/villages/{villageId}/households.xlsx"), Tags("Imports"), ProducesResponseType(typeof(byte[]), 200, WorkbookWriter.ContentType)]
    public static async Task<IResult> Roster(Guid villageId, Actor actor, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre).MustActIn(villageId);
        var village = await session.LoadVillageAsync(villageId, ct);
        actor.MustActIn(village);
        var households = await session.Query<Household>().Where(h => h.VillageId == villageId && h.MovedOutOn == null).OrderBy(h => h.HouseholdNo).ToListAsync(ct);
        var rows = new List<IReadOnlyList<string?>> { HouseholdHeaders };
        foreach (var household in households)
        {
            rows.Add([household.HouseholdNo, household.HeadName, IdNumber.Mask(household.IdNumberMasked), household.Phone, household.Grid]);
            rows.AddRange(household.Members.Select(m => (IReadOnlyList<string?>)[household.HouseholdNo, null, null, null, null, m.Name, m.Relation, IdNumber.Mask(m.IdNumberMasked)]));
        }
        return Results.File(WorkbookWriter.Write("花名册", rows, HouseholdTextColumns), WorkbookWriter.ContentType, $"{village.Name}花名册.xlsx");
    }

    /// <summary>导入结果表: the uploaded sheet's rows with a result column; refused rows are filled yellow for the cadre to fix and import again.</summary>
    [WolverineGet("/api/imports/{importId}/report.xlsx"), Tags("Imports"), ProducesResponseType(typeof(byte[]), 200, WorkbookWriter.ContentType)]
    public static async Task<IResult> Report(Guid importId, Actor actor, IQuerySession session, IDocumentStore store, CancellationToken ct)
    {
        var (import, _) = await session.ReadableImportAsync(importId, actor, ct);
        var results = (await session.ResultsOfAsync(importId, ct)).ToDictionary(r => r.Row);
        var path = Path.GetTempFileName();
        try
        {
            await ImportFiles.CopyToAsync(store, importId, path, ct);
            var sheet = ImportSheet.Open(path, import.Kind);
            var idColumns = new[] { ImportColumns.IdNumber, ImportColumns.MemberIdNumber }
                .Select(key => sheet.Header.Positions.GetValueOrDefault(key, -1)).ToHashSet();
            var read = SheetRows.Read(path).ToDictionary(row => row.Number);
            var width = read.Values.Select(row => row.Cells.Count).DefaultIfEmpty(0).Max();
            // Row for row as uploaded (numbers where Excel kept numbers), ID numbers masked, and the result beside each.
            var table = Enumerable.Range(1, read.Keys.DefaultIfEmpty(0).Max()).Select(number =>
            {
                var cells = read.TryGetValue(number, out var row) ? row.Cells : [];
                var result = number == sheet.Header.Number ? "导入结果"
                    : results.TryGetValue(number, out var r) ? $"{Status(r.Status)}{(r.Code is null ? "" : "：" + GetImportEndpoint.Worded(r.Code, r.Args))}" : null;
                return (IReadOnlyList<object?>)[.. Enumerable.Range(0, width).Select(i => i < cells.Count ? Echo(cells[i], idColumns.Contains(i)) : null), result];
            });
            var bytes = WorkbookWriter.Write("导入结果", table, [], number => results.TryGetValue(number, out var r) && r.Status == RowStatus.Refused);
            return Results.File(bytes, WorkbookWriter.ContentType, $"导入结果-{import.FileName}.xlsx");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static object? Echo(SheetCell? cell, bool idNumber) => cell switch
    {
        null => null,
        _ when idNumber => RowCells.Masked(CellText.Clean(cell.Text)),
        { IsNumber: true } when double.TryParse(cell.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
        _ => cell.Text,
    };

    private static string Status(RowStatus status) => status switch
    {
        RowStatus.Created => "已导入",
        RowStatus.Unchanged => "无变化",
        RowStatus.Warning => "请核对",
        _ => "未导入",
    };
}
