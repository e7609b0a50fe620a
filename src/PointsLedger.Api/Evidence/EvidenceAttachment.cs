using System.Collections.Immutable;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Problems;

namespace PointsLedger.Evidence;

public static class EvidenceAttachment
{
    /// <summary>
    /// Gives the photos to the account an award or claim is for, in the caller's transaction. A photo must be
    /// the caller's own upload, or already this account's (a resident's claim photos, taken on by the cadre
    /// who accepts it); anyone else's photo is as unknown as one that does not exist.
    /// </summary>
    public static async Task<ImmutableList<string>?> AttachEvidenceAsync(
        this IDocumentSession session, IReadOnlyCollection<string>? evidenceIds, Household account, Actor actor, CancellationToken ct)
    {
        if (evidenceIds is not { Count: > 0 }) return null;
        var photos = (await session.LoadManyAsync<EvidencePhoto>(ct, evidenceIds)).ToDictionary(p => p.Id);
        foreach (var id in evidenceIds)
        {
            var photo = photos.GetValueOrDefault(id);
            var attached = photo?.AccountIds.Contains(account.Id) == true;
            if (photo is null || !attached && !photo.UploadedBy.Contains(actor.Id)) throw new Refusal(ProblemCodes.EvidenceNotFound, id);
            if (!attached) session.Store(photo with { AccountIds = photo.AccountIds.Add(account.Id) });
        }
        return [.. evidenceIds.Distinct()];
    }
}
