using JasperFx.Events;
using PointsLedger.Ledger;

namespace PointsLedger.Households;

/// <summary>
/// One line of a household's history. <see cref="Earned"/> and <see cref="Available"/> are what the
/// event changed in each measure; the actor and time come from the event.
/// </summary>
public sealed record LedgerEntry(
    long Version, DateTimeOffset RecordedAt, string Kind, Guid? AwardId, string? RuleCode, PointColor? Color,
    DateOnly? OccurredOn, int Earned, int Available, string? Actor, string? Note);

public static class LedgerEntries
{
    /// <param name="awards">The household's awards, for the rule and colour of approvals and revocations.</param>
    public static IEnumerable<LedgerEntry> From(IReadOnlyList<IEvent> events, IReadOnlyDictionary<Guid, Award> awards)
    {
        var credited = new HashSet<Guid>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case PointsAwarded a:
                    credited.Add(a.AwardId);
                    yield return Line(e, awards[a.AwardId], a.Points > 0 ? "award" : "deduction", a.Points, Moved(a.Points, a.Changes), a.AwardedBy, a.Note);
                    break;
                case AwardSubmitted s:
                    yield return Line(e, awards[s.AwardId], "submitted", 0, 0, s.SubmittedBy, s.Note);
                    break;
                case AwardApproved ap:
                    credited.Add(ap.AwardId);
                    var approved = awards[ap.AwardId];
                    yield return Line(e, approved, "approved", approved.Points, Moved(approved.Points, ap.Changes), ap.ApprovedBy, null);
                    break;
                case AwardRevoked r:
                    var revoked = awards[r.AwardId];
                    var earned = credited.Remove(r.AwardId) ? -revoked.Points : 0;
                    yield return Line(e, revoked, "revoked", earned, Sum(r.Changes), r.RevokedBy, r.Reason);
                    break;
                case PointsExpired x:
                    yield return new LedgerEntry(e.Version, e.Timestamp, "expired", null, null, null, null, 0, Sum(x.Changes), e.UserName, null);
                    break;
            }
        }
    }

    /// <summary>A positive award opens a lot of its full size; a deduction moves what it drew.</summary>
    private static int Moved(int points, IEnumerable<LotChange> changes) => points > 0 ? points : Sum(changes);

    private static int Sum(IEnumerable<LotChange> changes) => changes.Sum(c => c.Points);

    private static LedgerEntry Line(IEvent e, Award award, string kind, int earned, int available, string? actor, string? note) =>
        new(e.Version, e.Timestamp, kind, award.AwardId, award.RuleCode, award.Color, award.OccurredOn, earned, available, actor, note);
}
