using System.Security.Cryptography;
using Marten;
using Microsoft.Extensions.Options;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine;
using Wolverine.Http;

namespace PointsLedger.Imports;

/// <summary>Configuration section "Imports".</summary>
public sealed class ImportSettings
{
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>Runs an uploaded import, chunk by chunk, on the durable local queue "imports".</summary>
public sealed record RunImport(Guid ImportId);

public sealed record ImportAccepted(Guid ImportId) : AcceptResponse($"/api/imports/{ImportId}");

public static class UploadImportEndpoint
{
    /// <summary>
    /// 导入花名册或纸质台账: a multipart field <c>file</c> (.xlsx or .csv), <c>kind</c> = households or awards.
    /// Answers 202 at once; <c>GET /api/imports/{importId}</c> follows it row by row. A dry run changes
    /// nothing and reports what a commit would do; importing the same file again changes nothing.
    /// </summary>
    [WolverinePost("/api/villages/{villageId}/imports"), Tags("Imports"), Upload]
    public static async Task<(ImportAccepted, OutgoingMessages)> Post(
        Guid villageId, ImportKind? kind, bool? dryRun, bool? confirmDuplicates, IFormFile? file, Actor actor, IDocumentSession session,
        IOptions<ImportSettings> settings, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre).MustActIn(villageId);
        actor.MustActIn(await session.LoadVillageAsync(villageId, ct));
        if (kind is null || file is null) throw new Refusal(ProblemCodes.ImportKindRequired);
        if (file.Length > settings.Value.MaxBytes) throw new Refusal(ProblemCodes.ImportTooLarge, settings.Value.MaxBytes / 1024 / 1024);
        if (file.Length == 0) throw new Refusal(ProblemCodes.ImportEmpty);

        var importId = Guid.CreateVersion7();
        var path = Path.GetTempFileName();
        try
        {
            string sha256;
            await using (var copy = File.Create(path))
            await using (var upload = file.OpenReadStream())
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await upload.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await copy.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            await using (var content = File.OpenRead(path)) await ImportFiles.SaveAsync(session, importId, content, ct);
            session.Events.StartStream<Import>(importId, new ImportUploaded(importId, villageId, kind.Value, dryRun ?? false, confirmDuplicates ?? false,
                Path.GetFileName(file.FileName), sha256, file.Length, actor));
            session.Store(new ImportProgress(importId, 0, 0, new Dictionary<RowStatus, int>(), []));
        }
        finally
        {
            File.Delete(path);
        }
        return (new ImportAccepted(importId), [new RunImport(importId)]);
    }
}
