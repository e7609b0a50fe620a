using Marten;
using Microsoft.Extensions.Options;
using PointsLedger.Expiry;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Problems;

namespace PointsLedger.Imports;

public static class RunImportHandler
{
    /// <summary>A large import runs for minutes, past Wolverine's default of a minute a message.</summary>
    public static void Configure(Wolverine.Runtime.Handlers.HandlerChain chain) => chain.ExecutionTimeoutInSeconds = 3600;

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
        if (import.DryRun) progress = progress with { Processed = 0, Counts = new Dictionary<RowStatus, int>() };

        var path = Path.GetTempFileName();
        try
        {
            await ImportFiles.CopyToAsync(store, importId, path, ct);
            var sheet = ImportSheet.Open(path, import.Kind);
            progress = progress with { Rows = sheet.DataRows().Count(), UnknownColumns = sheet.Header.Unknown };
            IImportRows rows = import.Kind == ImportKind.Households
                ? new HouseholdRows(import, hasher)
                : new AwardRows(import, clock.Today(), expiry.Value.For(township));
            await using (var query = store.QuerySession()) await rows.PrepareAsync(query, ct);

            foreach (var chunk in sheet.DataRows().Skip(progress.Processed).Chunk(ChunkSize))
            {
                await using var session = Session(import);
                var results = await rows.ApplyAsync(session, chunk, sheet.Header, ct);
                session.Store(new ImportChunk(ImportChunk.IdFor(importId, progress.Processed / ChunkSize), importId, progress.Processed / ChunkSize, results));
                progress = progress.After(results);
                session.Store(progress);
                await session.SaveChangesAsync(ct);
            }
            await EndAsync(import, progress, new ImportFinished(importId, progress.Rows, progress.Count(RowStatus.Created), progress.Count(RowStatus.Unchanged),
                progress.Count(RowStatus.Refused), progress.Count(RowStatus.Warning)), ct);
        }
        catch (Refusal refusal)
        {
            logger.LogInformation("Import {ImportId} refused: {Code}", importId, refusal.Code);
            await EndAsync(import, progress, new ImportFailed(importId, refusal.Code, RowResult.ArgsOf(refusal)), ct);
        }
        catch (Exception unreadable) when (!IsTransient(unreadable))
        {
            // A damaged file fails the same way on every retry: it ends the import rather than the queue's patience.
            logger.LogWarning(unreadable, "Import {ImportId}: the file cannot be read", importId);
            await EndAsync(import, progress, new ImportFailed(importId, ProblemCodes.ImportUnreadable.Code, []), ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The database or the host going away is worth a retry (the message stays in the inbox); anything else is the file.</summary>
    private static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OperationCanceledException or Npgsql.NpgsqlException or TimeoutException) return true;
        }
        return false;
    }

    /// <summary>A session that records what it appends as the uploader's, in the import's correlation, as a request would.</summary>
    private IDocumentSession Session(Import import)
    {
        var session = store.LightweightSession();
        session.LastModifiedBy = import.Uploader.Id;
        session.CorrelationId = import.Id.ToString();
        return session;
    }

    private async Task EndAsync(Import import, ImportProgress progress, object ended, CancellationToken ct)
    {
        await using var session = Session(import);
        session.Store(progress);
        session.Events.Append(progress.Id, ended);
        await session.SaveChangesAsync(ct);
    }
}
