using JasperFx.Events;
using PointsLedger.Ledger;

namespace PointsLedger.Households;

/// <summary>
/// One line of a household's history. <see cref="Earned"/> and <see cref="Available"/> are what the
/// event changed in each measure, on the day <see cref="OccurredOn"/> (the award's date, the day of a
/// redemption, reversal or expiry); the actor and time come from the event.
/// </summary>
public sealed record LedgerEntry(
    long Version, DateTimeOffset RecordedAt, string Kind, Guid? AwardId, string? RuleCode, PointColor? Color,
    DateOnly? OccurredOn, int Earned, int Available, string? Actor, string? Note, Guid? RedemptionId = null, string? PaperRef = null)
{
    /// <summary>The rule's title, where the reader names it (a household's history).</summary>
    public string? RuleTitle { get; init; }

    /// <summary>The actor as people know them: a staff member's name, or 本户 for the household itself.</summary>
    public string? ActorName { get; init; }

    /// <summary>An award's hours, photos, claimant or assessed quarter, where it has any.</summary>
    public AwardDetails? Details { get; init; }
}

public static class LedgerEntries
{
    /// <summary>Expiry and redemptions can touch lots of several colours at once: they give one line per colour.</summary>
    public static IEnumerable<LedgerEntry> From(IReadOnlyList<IEvent> events)
    {
        var submitted = new Dictionary<Guid, AwardSubmitted>();
        var lotColors = new Dictionary<Guid, PointColor>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case PointsAwarded a:
                    lotColors[a.AwardId] = a.Color;
                    yield return Line(e, a.Points > 0 ? "award" : "deduction", a.AwardId, a.RuleCode, a.Color, a.OccurredOn,
                        a.Points, Moved(a.Points, a.Changes), a.AwardedBy, a.Note) with { PaperRef = a.PaperRef, Details = a.Details };
                    break;
                case AwardSubmitted s:
                    submitted[s.AwardId] = s;
                    yield return Line(e, "submitted", s.AwardId, s.RuleCode, s.Color, s.OccurredOn, 0, 0, s.SubmittedBy, s.Note) with { PaperRef = s.PaperRef, Details = s.Details };
                    break;
                case AwardApproved ap:
                    var award = submitted[ap.AwardId];
                    lotColors[ap.AwardId] = award.Color;
                    yield return Line(e, "approved", ap.AwardId, award.RuleCode, award.Color, award.OccurredOn,
                        award.Points, Moved(award.Points, ap.Changes), ap.ApprovedBy, null) with { PaperRef = award.PaperRef, Details = award.Details };
                    break;
                case AwardRevoked r:
                    yield return Line(e, "revoked", r.AwardId, r.RuleCode, r.Color, r.OccurredOn,
                        r.WasCredited ? -r.Points : 0, Sum(r.Changes), r.RevokedBy, r.Reason);
                    break;
                case PointsRedeemed p:
                    foreach (var byColor in p.Changes.GroupBy(c => lotColors[c.AwardId]))
                    {
                        yield return Line(e, "redemption", null, null, byColor.Key, p.RedeemedOn, 0, Sum(byColor), p.RedeemedBy, $"{p.ReceiptNo} {RedeemedItem.Describe(p.Items)}") with
                        {
                            RedemptionId = p.RedemptionId,
                        };
                    }
                    break;
                case RedemptionReversed r:
                    foreach (var byColor in r.Changes.GroupBy(c => lotColors[c.AwardId]))
                    {
                        yield return Line(e, "redemption-reversed", null, null, byColor.Key, r.ReversedOn, 0, Sum(byColor), r.ReversedBy, r.Reason) with
                        {
                            RedemptionId = r.RedemptionId,
                        };
                    }
                    break;
                case PaymentCodeIssued issued:
                    yield return Line(e, "payment-code-issued", null, null, null, null, 0, 0, issued.IssuedTo, $"{issued.ExpiresAt:u}");
                    break;
                case HouseholdMovedOut m when m.Forfeited.IsEmpty:
                    yield return Line(e, "moved-out", null, null, null, m.On, 0, 0, m.MovedOutBy, m.Reason);
                    break;
                case HouseholdMovedOut m:
                    foreach (var byColor in m.Forfeited.GroupBy(c => lotColors[c.AwardId]))
                    {
                        yield return Line(e, "moved-out", null, null, byColor.Key, m.On, 0, Sum(byColor), m.MovedOutBy, m.Reason);
                    }
                    break;
                case PhoneChanged p:
                    yield return Line(e, "phone-changed", null, null, null, null, 0, 0, p.ChangedBy, p.Reason);
                    break;
                case GridChanged g:
                    yield return Line(e, "grid-changed", null, null, null, null, 0, 0, g.ChangedBy, string.Join(' ', new[] { g.Grid, g.Reason }.OfType<string>()));
                    break;
                case HeadChanged h:
                    yield return Line(e, "head-changed", null, null, null, null, 0, 0, h.ChangedBy, h.Reason);
                    break;
                case CardReissued c:
                    yield return Line(e, "card-reissued", null, null, null, null, 0, 0, c.ReissuedBy, c.Reason);
                    break;
                case MemberProposed mp:
                    yield return Line(e, "member-proposed", null, null, null, null, 0, 0, mp.ProposedBy, mp.Relation);
                    break;
                case MemberRemovalProposed mr:
                    yield return Line(e, "member-removal-proposed", null, null, null, null, 0, 0, mr.ProposedBy, mr.Reason);
                    break;
                case MemberChangeApproved ma:
                    yield return Line(e, "member-change-approved", null, null, null, null, 0, 0, ma.ApprovedBy, null);
                    break;
                case MemberChangeRejected mj:
                    yield return Line(e, "member-change-rejected", null, null, null, null, 0, 0, mj.RejectedBy, mj.Reason);
                    break;
                case ClaimFiled c:
                    yield return Line(e, "claim-filed", null, c.RuleCode, null, c.OccurredOn, 0, 0, c.FiledBy, c.Note);
                    break;
                case ClaimDeclined d:
                    yield return Line(e, "claim-declined", null, null, null, null, 0, 0, d.DeclinedBy, d.Reason);
                    break;
                case PointsExpired x:
                    foreach (var byColor in x.Changes.GroupBy(c => lotColors[c.AwardId]))
                    {
                        yield return Line(e, "expired", null, null, byColor.Key, x.AsOf, 0, Sum(byColor), e.UserName, null);
                    }
                    break;
            }
        }
    }

    /// <summary>A positive award opens a lot of its full size; a deduction moves what it drew.</summary>
    private static int Moved(int points, IEnumerable<LotChange> changes) => points > 0 ? points : Sum(changes);

    private static int Sum(IEnumerable<LotChange> changes) => changes.Sum(c => c.Points);

    private static LedgerEntry Line(IEvent e, string kind, Guid? awardId, string? rule, PointColor? color, DateOnly? on,
        int earned, int available, string? actor, string? note) =>
        new(e.Version, e.Timestamp, kind, awardId, rule, color, on, earned, available, actor, note);
}
