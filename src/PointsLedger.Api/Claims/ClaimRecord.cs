using System.Collections.Immutable;
using JasperFx.Events;
using Marten.Events.Projections;
using PointsLedger.Households;

namespace PointsLedger.Claims;

public enum ClaimStatus
{
    Open,
    Accepted,
    Declined,
}

/// <summary>
/// A resident's claim as the cadres' queue and the resident read it, projected in the transaction that
/// records it from the household stream's events.
/// </summary>
public sealed record ClaimRecord(
    Guid Id, Guid HouseholdId, Guid VillageId, string RuleCode, DateOnly OccurredOn, string? Note, ImmutableList<string> EvidenceIds,
    string FiledBy, DateTimeOffset FiledAt)
{
    public int? Quantity { get; init; }

    public ClaimStatus Status { get; init; }
    public Guid? AwardId { get; init; }
    public string? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DeclineReason { get; init; }
}

public sealed class ClaimRecordProjection : MultiStreamProjection<ClaimRecord, Guid>
{
    public ClaimRecordProjection()
    {
        Identity<ClaimFiled>(e => e.ClaimId);
        Identity<ClaimAccepted>(e => e.ClaimId);
        Identity<ClaimDeclined>(e => e.ClaimId);
    }

    public static ClaimRecord Create(IEvent<ClaimFiled> e) => new(
        e.Data.ClaimId, e.StreamId, e.Data.VillageId, e.Data.RuleCode, e.Data.OccurredOn, e.Data.Note, e.Data.EvidenceIds, e.Data.FiledBy, e.Timestamp)
    {
        Quantity = e.Data.Quantity,
    };

    public static ClaimRecord Apply(IEvent<ClaimAccepted> e, ClaimRecord claim) => claim with
    {
        Status = ClaimStatus.Accepted, AwardId = e.Data.AwardId, DecidedBy = e.Data.AcceptedBy, DecidedAt = e.Timestamp,
    };

    public static ClaimRecord Apply(IEvent<ClaimDeclined> e, ClaimRecord claim) => claim with
    {
        Status = ClaimStatus.Declined, DecidedBy = e.Data.DeclinedBy, DecidedAt = e.Timestamp, DeclineReason = e.Data.Reason,
    };
}
