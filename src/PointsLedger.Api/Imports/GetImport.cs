using System.Globalization;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Imports;

/// <param name="Message">The row's problem in the reader's language (Accept-Language).</param>
public sealed record ReportLine(int Row, RowStatus Status, string? Code, string? Message, string? HouseholdNo);

/// <param name="Processed">Rows done so far, of <paramref name="Rows"/>: for a progress bar.</param>
/// <param name="Failure">Why the whole file was refused (<c>status</c> failed): not a spreadsheet, the wrong kind, no header row.</param>
/// <param name="Report">Every row's result, once the import has ended; empty while it runs, so a progress bar polling the counts stays cheap.</param>
public sealed record ImportView(
    Guid ImportId, Guid VillageId, ImportStatus Status, ImportKind Kind, bool DryRun, string FileName, string Sha256, int Rows, int Processed,
    int Created, int Unchanged, int Refused, int Warnings, IReadOnlyList<string> UnknownColumns, string? FailureCode, string? Failure,
    IReadOnlyList<ReportLine> Report);

public static class GetImportEndpoint
{
    /// <summary>一次导入的进度与逐行结果。</summary>
    [WolverineGet("/api/imports/{importId}"), Tags("Imports")]
    public static async Task<ImportView> Get(Guid importId, Actor actor, IQuerySession session, CancellationToken ct)
    {
        var (import, progress) = await session.ReadableImportAsync(importId, actor, ct);
        var results = import.Status == ImportStatus.Running ? [] : await session.ResultsOfAsync(importId, ct);
        return new ImportView(import.Id, import.VillageId, import.Status, import.Kind, import.DryRun, import.FileName, import.Sha256, progress.Rows,
            progress.Processed, progress.Count(RowStatus.Created), progress.Count(RowStatus.Unchanged), progress.Count(RowStatus.Refused),
            progress.Count(RowStatus.Warning), progress.UnknownColumns, import.FailureCode,
            import.FailureCode is { } code ? Worded(code, import.FailureArgs) : null,
            results.Select(r => new ReportLine(r.Row, r.Status, r.Code, r.Code is null ? null : Worded(r.Code, r.Args), r.HouseholdNo)).ToList());
    }

    public static string Worded(string code, string[] args) =>
        ProblemCatalog.Find(code)?.Detail([.. args], CultureInfo.CurrentUICulture) ?? code;
}

public static class ImportAccess
{
    /// <summary>The import for a reader who may see it: an admin of its township, or its village's cadres; anyone else is told it does not exist.</summary>
    public static async Task<(Import Import, ImportProgress Progress)> ReadableImportAsync(this IQuerySession session, Guid importId, Actor actor, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre);
        var import = await session.LoadAsync<Import>(importId, ct);
        if (import is null || (actor.Role == Roles.Cadre && actor.VillageId != import.VillageId)) throw new Refusal(ProblemCodes.ImportNotFound, importId);
        if (actor.Township is not null && (await session.LoadVillageAsync(import.VillageId, ct)).Township != actor.Township)
        {
            throw new Refusal(ProblemCodes.ImportNotFound, importId);
        }
        return (import, (await session.LoadAsync<ImportProgress>(importId, ct))!);
    }

    public static async Task<IReadOnlyList<RowResult>> ResultsOfAsync(this IQuerySession session, Guid importId, CancellationToken ct) =>
        (await session.Query<ImportChunk>().Where(c => c.ImportId == importId).OrderBy(c => c.Index).ToListAsync(ct)).SelectMany(c => c.Results).ToList();
}
