using System.Security.Cryptography;
using System.Text;

namespace PointsLedger.Notices;

/// <summary>
/// A closed month's notice (村务公开): what was posted. Its objections are events on its stream, but
/// they leave this document alone (it holds every household's line): each is an <see cref="Objection"/> of its own.
/// </summary>
public sealed record Notice(Guid Id, Guid VillageId, NoticeContent Content, string Digest, DateOnly ObjectionDeadline, string ClosedBy)
{
    /// <summary>One notice per village and month, found without a lookup.</summary>
    public static Guid IdFor(Guid villageId, string month) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"notice:{villageId:N}:{month}")).AsSpan(0, 16));

    public bool IsFinal(DateOnly today) => today > ObjectionDeadline;

    public static Notice Create(NoticePublished e) => new(e.NoticeId, e.VillageId, e.Content, e.Digest, e.ObjectionDeadline, e.ClosedBy);
}
