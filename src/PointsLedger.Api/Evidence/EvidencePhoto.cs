using System.Collections.Immutable;

namespace PointsLedger.Evidence;

/// <summary>
/// A photo kept as evidence, known by the SHA-256 of its JPEG (the same photo uploaded twice is kept once).
/// Those who uploaded it may see it, and once awards or claims take it, whoever may read one of their
/// accounts. Its bytes are in <see cref="EvidenceImages"/>.
/// </summary>
public sealed record EvidencePhoto(string Id, ImmutableList<string> UploadedBy, int Width, int Height, int Bytes, DateTimeOffset UploadedAt)
{
    /// <summary>The households' or individuals' accounts whose awards or claims the photo shows.</summary>
    public ImmutableList<Guid> AccountIds { get; init; } = [];
}
