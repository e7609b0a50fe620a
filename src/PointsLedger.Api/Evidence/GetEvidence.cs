using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Evidence;

public static class GetEvidenceEndpoints
{
    /// <summary>照片: the kept JPEG, for whoever uploaded it or may read the account it belongs to.</summary>
    [WolverineGet("/api/evidence/{evidenceId}"), Tags("Evidence")]
    public static async Task<IResult> Get(string evidenceId, Actor actor, IQuerySession session, CancellationToken ct) =>
        Jpeg(await LoadForReaderAsync(session, evidenceId, actor, ct));

    /// <summary>缩略图: at most 320 pixels a side.</summary>
    [WolverineGet("/api/evidence/{evidenceId}/thumbnail"), Tags("Evidence")]
    public static async Task<IResult> GetThumbnail(string evidenceId, Actor actor, IQuerySession session, CancellationToken ct) =>
        Jpeg(PhotoEncoder.Thumbnail(await LoadForReaderAsync(session, evidenceId, actor, ct)));

    private static async Task<byte[]> LoadForReaderAsync(IQuerySession session, string evidenceId, Actor actor, CancellationToken ct)
    {
        var photo = await session.LoadAsync<EvidencePhoto>(evidenceId, ct);
        var allowed = photo is not null && (photo.UploadedBy.Contains(actor.Id) || await MayReadAnyAsync(session, photo.AccountIds, actor, ct));
        return allowed && await EvidenceImages.LoadAsync(session, evidenceId, ct) is { } jpeg ? jpeg : throw new Refusal(ProblemCodes.EvidenceNotFound, evidenceId);
    }

    private static async Task<bool> MayReadAnyAsync(IQuerySession session, IReadOnlyList<Guid> accountIds, Actor actor, CancellationToken ct)
    {
        foreach (var account in await session.LoadManyAsync<Household>(ct, accountIds))
        {
            if (await session.MayReadAsync(account, actor, ct)) return true;
        }
        return false;
    }

    // Known by its content, a photo never changes; it is private to its readers.
    private static IResult Jpeg(byte[] jpeg) => new PrivateImmutableFile(jpeg);

    private sealed class PrivateImmutableFile(byte[] jpeg) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
            return Results.File(jpeg, "image/jpeg").ExecuteAsync(context);
        }
    }
}
