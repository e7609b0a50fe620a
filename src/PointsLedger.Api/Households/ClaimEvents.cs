using System.Collections.Immutable;

namespace PointsLedger.Households;

/// <summary>自己提: a resident asks for points under a rule; the village's cadres accept or decline it.</summary>
/// <param name="Quantity">The hours, for a rule per hour.</param>
public sealed record ClaimFiled(
    Guid ClaimId, Guid VillageId, string RuleCode, DateOnly OccurredOn, string? Note, ImmutableList<string> EvidenceIds, string FiledBy, int? Quantity = null);

/// <summary>Accepted by a cadre: the award it became is recorded beside it, with the resident as claimant.</summary>
public sealed record ClaimAccepted(Guid ClaimId, Guid AwardId, string AcceptedBy);

/// <summary>Declined with a reason the resident reads.</summary>
public sealed record ClaimDeclined(Guid ClaimId, string Reason, string DeclinedBy);
