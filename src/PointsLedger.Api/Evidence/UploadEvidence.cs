using System.Collections.Immutable;
using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.RateLimiting;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Evidence;

/// <param name="Bytes">What is kept: the re-encoded JPEG's size.</param>
public sealed record EvidenceAnswer(string EvidenceId, int Width, int Height, int Bytes) : CreationResponse($"/api/evidence/{EvidenceId}");

public static class UploadEvidenceEndpoint
{
    /// <summary>
    /// 上传照片: a multipart field <c>file</c>, a JPEG, PNG or HEIC photo of at most 10 MB and 40 megapixels.
    /// It is kept re-encoded (at most 1,600 pixels a side, JPEG, no GPS or other metadata); an award or a
    /// claim then names it in <c>evidenceIds</c>. The same photo uploaded again answers the same id.
    /// </summary>
    [WolverinePost("/api/evidence"), Tags("Evidence"), Upload, EnableRateLimiting(RateLimits.Photo)]
    public static async Task<EvidenceAnswer> Post(IFormFile? file, Actor actor, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        actor.MustBe(Roles.Cadre, Roles.Approver, Roles.Admin, Roles.Resident);
        if (file is null || file.Length == 0) throw new Refusal(ProblemCodes.ImageInvalid);
        if (file.Length > PhotoEncoder.MaxBytes) throw new Refusal(ProblemCodes.ImageTooLarge, "10 MB");

        var upload = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(upload, ct);
        var photo = await PhotoEncoder.EncodeAsync(upload, ct);
        var id = Convert.ToHexStringLower(SHA256.HashData(photo.Jpeg));

        if (await session.LoadAsync<EvidencePhoto>(id, ct) is { } kept)
        {
            if (!kept.UploadedBy.Contains(actor.Id)) session.Store(kept with { UploadedBy = kept.UploadedBy.Add(actor.Id) });
            return new EvidenceAnswer(id, kept.Width, kept.Height, kept.Bytes);
        }
        // Stored under the document's version: the same photo uploaded twice at once is one 409 (retry), never a second row.
        session.Store(new EvidencePhoto(id, [actor.Id], photo.Width, photo.Height, photo.Jpeg.Length, clock.GetUtcNow()));
        EvidenceImages.Save(session, id, photo.Jpeg);
        return new EvidenceAnswer(id, photo.Width, photo.Height, photo.Jpeg.Length);
    }
}
