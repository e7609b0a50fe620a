using System.Collections.Immutable;
using PointsLedger.Ledger;

namespace PointsLedger.Households;

public sealed record HouseholdRegistered(
    Guid HouseholdId, Guid VillageId, string HouseholdNo, string HeadName, string IdNumberMasked, string IdNumberHash,
    string? Phone, string? Grid, string CardNo, string RegisteredBy);

/// <summary>Credited at once: a positive award opens a lot; a deduction draws lots of its colour down.</summary>
public sealed record PointsAwarded(
    Guid AwardId, string RuleCode, PointColor Color, int Points, DateOnly OccurredOn, string AwardedBy, string? Note,
    ImmutableList<LotChange> Changes);

/// <summary>Waiting for an approver because the rule asks for one; moves no points yet.</summary>
public sealed record AwardSubmitted(
    Guid AwardId, string RuleCode, PointColor Color, int Points, DateOnly OccurredOn, string SubmittedBy, string? Note);

public sealed record AwardApproved(Guid AwardId, string ApprovedBy, ImmutableList<LotChange> Changes);

/// <summary>Undoes a credited award (or withdraws a pending one) with who and why; the original stays in the ledger.</summary>
public sealed record AwardRevoked(Guid AwardId, string RevokedBy, string Reason, ImmutableList<LotChange> Changes);

/// <summary>清零: lots past the township's expiry lose what is left; earned points stay.</summary>
public sealed record PointsExpired(DateOnly AsOf, ImmutableList<LotChange> Changes);

public enum AwardStatus { Pending, Credited, Revoked }

public sealed record Award(
    Guid AwardId, string RuleCode, PointColor Color, int Points, DateOnly OccurredOn, string SubmittedBy, AwardStatus Status,
    ImmutableList<LotChange> Changes);

/// <summary>A household's account: one event stream per household, kept as an inline snapshot.</summary>
public sealed record Household(
    Guid Id, Guid VillageId, string HouseholdNo, string HeadName, string IdNumberMasked, string IdNumberHash,
    string? Phone, string? Grid, string CardNo,
    ColorTotals Earned, ImmutableList<Lot> Lots, ImmutableDictionary<Guid, Award> Awards)
{
    public ColorTotals Available => Lots.Totals();

    /// <summary>The oldest grant that still has points left; stored so the expiry sweep can query it.</summary>
    public DateOnly? OldestOpenGrant => Lots.Where(lot => lot.Remaining > 0).Select(lot => (DateOnly?)lot.GrantedOn).Min();

    public static Household Create(HouseholdRegistered e) => new(
        e.HouseholdId, e.VillageId, e.HouseholdNo, e.HeadName, e.IdNumberMasked, e.IdNumberHash, e.Phone, e.Grid, e.CardNo,
        ColorTotals.Zero, ImmutableList<Lot>.Empty, ImmutableDictionary<Guid, Award>.Empty);

    public Household Apply(PointsAwarded e) =>
        Credit(new Award(e.AwardId, e.RuleCode, e.Color, e.Points, e.OccurredOn, e.AwardedBy, AwardStatus.Credited, e.Changes));

    public Household Apply(AwardSubmitted e) => this with
    {
        Awards = Awards.Add(e.AwardId, new Award(e.AwardId, e.RuleCode, e.Color, e.Points, e.OccurredOn, e.SubmittedBy, AwardStatus.Pending, [])),
    };

    public Household Apply(AwardApproved e) =>
        Credit(Awards[e.AwardId] with { Status = AwardStatus.Credited, Changes = e.Changes });

    public Household Apply(AwardRevoked e)
    {
        var award = Awards[e.AwardId];
        var earned = award.Status == AwardStatus.Credited ? Earned.Add(award.Color, -award.Points) : Earned;
        return this with
        {
            Earned = earned,
            Lots = Lots.ApplyChanges(e.Changes),
            Awards = Awards.SetItem(e.AwardId, award with { Status = AwardStatus.Revoked }),
        };
    }

    public Household Apply(PointsExpired e) => this with { Lots = Lots.ApplyChanges(e.Changes) };

    private Household Credit(Award award)
    {
        var lots = award.Points > 0
            ? Lots.Add(new Lot(award.AwardId, award.Color, award.OccurredOn, award.Points))
            : Lots.ApplyChanges(award.Changes);
        return this with
        {
            Earned = Earned.Add(award.Color, award.Points),
            Lots = lots,
            Awards = Awards.SetItem(award.AwardId, award),
        };
    }
}
