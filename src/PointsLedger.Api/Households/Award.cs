using System.Collections.Immutable;
using PointsLedger.Ledger;

namespace PointsLedger.Households;

public enum AwardStatus { Pending, Credited, Revoked }

/// <summary>
/// One award's story, read from its household's stream when it is revoked or shown.
/// <see cref="Expired"/> is how much of its lot expired: points the household has already lost.
/// </summary>
public sealed record Award(
    Guid AwardId, string RuleCode, PointColor Color, int Points, DateOnly OccurredOn, string SubmittedBy, AwardStatus Status,
    ImmutableList<LotChange> Changes, int Expired = 0)
{
    public static Award? FromHistory(IEnumerable<object> events, Guid awardId) =>
        events.Aggregate((Award?)null, (award, e) => e switch
        {
            PointsAwarded x when x.AwardId == awardId =>
                new Award(x.AwardId, x.RuleCode, x.Color, x.Points, x.OccurredOn, x.AwardedBy, AwardStatus.Credited, x.Changes),
            AwardSubmitted x when x.AwardId == awardId =>
                new Award(x.AwardId, x.RuleCode, x.Color, x.Points, x.OccurredOn, x.SubmittedBy, AwardStatus.Pending, []),
            AwardApproved x when x.AwardId == awardId => award! with { Status = AwardStatus.Credited, Changes = x.Changes },
            AwardRevoked x when x.AwardId == awardId => award! with { Status = AwardStatus.Revoked },
            PointsExpired x when award is not null => award with { Expired = award.Expired - x.Changes.Where(c => c.AwardId == awardId).Sum(c => c.Points) },
            _ => award,
        });
}
