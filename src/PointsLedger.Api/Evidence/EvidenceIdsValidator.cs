using FluentValidation;
using PointsLedger.Http;

namespace PointsLedger.Evidence;

/// <summary>At most nine photos, each named by its SHA-256 in hex.</summary>
public sealed class EvidenceIdsValidator : AbstractValidator<string[]>
{
    public const int MaxPhotos = 9;

    public EvidenceIdsValidator()
    {
        RuleFor(ids => ids.Length).LessThanOrEqualTo(MaxPhotos).OverridePropertyName("evidenceIds");
        RuleForEach(ids => ids).Matches("^[0-9a-f]{64}$").OverridePropertyName("evidenceIds")
            .WithMessage("照片编号无效", "Not a photo id");
    }
}
