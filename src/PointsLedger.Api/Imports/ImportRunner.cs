using Marten;
using Microsoft.Extensions.Options;
using PointsLedger.Expiry;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Problems;

namespace PointsLedger.Imports;

public static class RunImportHandler
{
    public static Task Handle(RunImport message, ImportRunner runner, CancellationToken ct) => runner.RunAsync(message.ImportId, ct);
}

/// <summary>
/// Runs an import over its stored file, a chunk of rows per transaction: a chunk's rows and the progress
/// that counts them commit together, so a crash loses at most the chunk in hand and the redelivered
/// message resumes after the last committed one. This is why it opens its own sessions and commits
/// them itself, rather than leaving one transaction to Wolverine. A dry run stores only its progress,
/// keeps its decisions in memory, and so starts again from the top.
/// </summary>
public sealed class ImportRunner(IDocumentStore store, IdNumberHasher hasher, TimeProvider clock, IOptions<ExpirySettings> expiry, ILogger<ImportRunner> logger)
{
    public const int ChunkSize = 500;

    public async Task RunAsync(Guid importId, CancellationToken ct)
    {
        Import? import;
        ImportProgress progress;
        string township;
        await using (var query = store.QuerySession())
        {
            import = await query.LoadAsync<Import>(importId, ct);
            if (import is not { Status: ImportStatus.Running }) return;
            progress = (await query.LoadAsync<ImportProgress>(importId, ct))!;
            township = (await query.LoadAsync<Villages.Village>(import.VillageId, ct))!.Township;
        }
        if (import.DryRun) progress = progress with { Processed = 0, Results = [] };

        var path = Path.GetTempFileName();
        try
        {
            await ImportFiles.CopyToAsync(store, importId, path, ct);
            var sheet = ImportSheet.Open(path, import.Kind);
            progress = progress with { Rows = sheet.Rows, UnknownColumns = sheet.Header.Unknown };
            IImportRows rows = import.Kind == ImportKind.Households
                ? new HouseholdRows(import, hasher)
                : new AwardRows(import, clock.Today(), expiry.Value.For(township));
            await using (var query = store.QuerySession()) await rows.PrepareAsync(query, ct);

            foreach (var chunk in sheet.DataRows().Skip(progress.Processed).Chunk(ChunkSize))
            {
                await using var session = store.LightweightSession();
                var results = await rows.ApplyAsync(session, chunk, sheet.Header, ct);
                progress = progress with { Processed = progress.Processed + chunk.Length, Results = [.. progress.Results, .. results] };
                session.Store(progress);
                await session.SaveChangesAsync(ct);
            }
            await EndAsync(progress, new ImportFinished(importId, progress.Rows, progress.Count(RowStatus.Created), progress.Count(RowStatus.Unchanged),
                progress.Count(RowStatus.Refused), progress.Count(RowStatus.Warning)), ct);
        }
        catch (Refusal refusal)
        {
            logger.LogInformation("Import {ImportId} refused: {Code}", importId, refusal.Code);
            await EndAsync(progress, new ImportFailed(importId, refusal.Code, RowResult.ArgsOf(refusal)), ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task EndAsync(ImportProgress progress, object ended, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Store(progress);
        session.Events.Append(progress.Id, ended);
        await session.SaveChangesAsync(ct);
    }
}
