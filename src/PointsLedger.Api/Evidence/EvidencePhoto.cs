using System.Collections.Immutable;

namespace PointsLedger.Evidence;

/// <summary>
/// A photo kept as evidence, known by the SHA-256 of its JPEG (the same photo uploaded twice is kept once).
/// Until an award or a claim takes it, only those who uploaded it may see it; from then on, whoever may
/// read that account. Its bytes are in <see cref="EvidenceImages"/>.
/// </summary>
public sealed record EvidencePhoto(string Id, ImmutableList<string> UploadedBy, int Width, int Height, int Bytes, DateTimeOffset UploadedAt)
{
    /// <summary>The household's or individual's account the photo shows something of.</summary>
    public Guid? AccountId { get; init; }
}
