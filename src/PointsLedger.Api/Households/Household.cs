using System.Collections.Immutable;
using PointsLedger.Ledger;

namespace PointsLedger.Households;

/// <summary>An award waiting for approval: it counts towards its rule's monthly cap but moves no points.</summary>
public sealed record PendingAward(Guid AwardId, string RuleCode, PointColor Color, int Points, DateOnly OccurredOn, string SubmittedBy)
{
    public string? Note { get; init; }

    public AwardDetails? Details { get; init; }
}

/// <summary>
/// An account: a household's, or an individual's (<see cref="Kind"/>), whose name and number are then
/// <see cref="HeadName"/> and <see cref="HouseholdNo"/>. One event stream per account, kept as an inline snapshot that holds only
/// what decisions need on every request, so it does not grow with every award: the earned totals, the
/// lots (one per credited award), the pending awards, the points each rule gave per month, the times
/// each offer was redeemed per month, and today's wrong card checks.
/// An award's full story is read from the stream when it is revoked or shown.
/// </summary>
public sealed record Household(
    Guid Id, Guid VillageId, string HouseholdNo, string HeadName, string IdNumberMasked, string IdNumberHash,
    string? Phone, string? Grid, string CardNo, string CardCheck,
    ColorTotals Earned, ImmutableList<Lot> Lots, ImmutableDictionary<Guid, PendingAward> Pending,
    ImmutableDictionary<string, int> PointsByRuleAndMonth, ImmutableDictionary<string, int> RedemptionsByOfferAndMonth, CardFailures CardFailures)
{
    // Snapshots stored before redemptions existed have neither member.
    public ImmutableDictionary<string, int> RedemptionsByOfferAndMonth { get; init; } = RedemptionsByOfferAndMonth ?? ImmutableDictionary<string, int>.Empty;
    public CardFailures CardFailures { get; init; } = CardFailures ?? CardFailures.None;

    public AccountKind Kind { get; init; }

    public ImmutableList<Member> Members { get; init; } = ImmutableList<Member>.Empty;

    public ImmutableDictionary<Guid, MemberChange> MemberChanges { get; init; } = ImmutableDictionary<Guid, MemberChange>.Empty;

    /// <summary>The quarters each rule assessed the account for (<see cref="AssessmentKey"/>), with the award: one assessment each, until it is revoked.</summary>
    public ImmutableDictionary<string, Guid> Assessments { get; init; } = ImmutableDictionary<string, Guid>.Empty;

    public static string AssessmentKey(string ruleCode, string period) => $"{ruleCode}/{period}";

    /// <summary>The resident's claims no cadre has decided yet.</summary>
    public ImmutableHashSet<Guid> OpenClaims { get; init; } = ImmutableHashSet<Guid>.Empty;

    /// <summary>How often the phone changed: a resident's token issued before the last change no longer signs them in.</summary>
    public int PhoneChanges { get; init; }

    /// <summary>The day the household moved out (迁出); from then on it earns and spends nothing.</summary>
    public DateOnly? MovedOutOn { get; init; }

    public HouseholdStatus Status => MovedOutOn is null ? HouseholdStatus.Active : HouseholdStatus.Closed;

    /// <summary>The card number the ID digits' checks are keyed by: the first card's, through every reissue.</summary>
    public string CardCheckKey { get => field ?? CardNo; init; }

    /// <summary>
    /// Sort keys stored for the household lists, most points first and then by number: one text each, so a
    /// village's page is one range of one index, ties included.
    /// </summary>
    public string ByEarned => SortKey(Earned.Total);

    public string ByAvailable => SortKey(Available.Total);

    private string SortKey(int points) => $"{int.MaxValue - (long)points:D11}{HouseholdNo}";

    /// <summary>Stored so the approval queue finds the households with awards waiting.</summary>
    public bool HasPendingAwards => !Pending.IsEmpty;

    /// <summary>What a search by name matches: the head's and every member's name.</summary>
    public string Names => string.Join(' ', Members.Select(m => m.Name).Prepend(HeadName));

    /// <summary>Whether the check of the card with these ID digits is the head's or a member's.</summary>
    public bool CardOpensWith(string presentedCheck) => CardCheck == presentedCheck || Members.Any(member => member.CardCheck == presentedCheck);

    public bool HasPerson(string idNumberHash) =>
        IdNumberHash == idNumberHash || Members.Any(member => member.IdNumberHash == idNumberHash)
        || MemberChanges.Values.Any(change => change.Member.IdNumberHash == idNumberHash);

    public ColorTotals Available => Lots.Totals();

    /// <summary>What can be spent today: lots the nightly sweep has not yet expired do not count.</summary>
    public ColorTotals Spendable(DateOnly expiredBefore) => Lots.Where(lot => lot.GrantedOn >= expiredBefore).Totals();

    /// <summary>The oldest grant that still has points left; stored so the expiry sweep can query it.</summary>
    public DateOnly? OldestOpenGrant => Lots.Where(lot => lot.Remaining > 0).Select(lot => (DateOnly?)lot.GrantedOn).Min();

    public static string RuleMonth(string ruleCode, DateOnly day) => $"{ruleCode}/{Months.Of(day)}";

    /// <summary>Points the rules gave in the cap's period around the day (pending awards included).</summary>
    public int PointsInPeriod(IEnumerable<string> ruleCodes, DateOnly day, RuleCap cap) => ruleCodes.Sum(code => PointsByRuleAndMonth
        .Where(entry => entry.Key.StartsWith(code + "/", StringComparison.Ordinal) && cap.Covers(entry.Key[(code.Length + 1)..], day))
        .Sum(entry => entry.Value));

    public static string OfferMonth(Guid offerId, DateOnly day) => $"{offerId:N}/{Months.Of(day)}";

    public int RedemptionsThisMonth(Guid offerId, DateOnly day) => RedemptionsByOfferAndMonth.GetValueOrDefault(OfferMonth(offerId, day));

    public bool IsCardLocked(DateOnly today) => CardFailures.On == today && CardFailures.Count >= CardFailures.Limit;

    public static Household Create(HouseholdRegistered e) => new(
        e.HouseholdId, e.VillageId, e.HouseholdNo, e.HeadName, e.IdNumberMasked, e.IdNumberHash, e.Phone, e.Grid, e.CardNo, e.CardCheck,
        ColorTotals.Zero, ImmutableList<Lot>.Empty, ImmutableDictionary<Guid, PendingAward>.Empty, ImmutableDictionary<string, int>.Empty,
        ImmutableDictionary<string, int>.Empty, CardFailures.None);

    public static Household Create(IndividualRegistered e) => Create(new HouseholdRegistered(
        e.AccountId, e.VillageId, e.AccountNo, e.Name, e.IdNumberMasked, e.IdNumberHash, e.Phone, e.Grid, e.CardNo, e.CardCheck, e.RegisteredBy)) with
    {
        Kind = e.Kind,
    };

    public Household Apply(PointsAwarded e) =>
        Credit(e.AwardId, e.Color, e.Points, e.OccurredOn, e.Changes).CountTowardsCap(e.RuleCode, e.OccurredOn, Math.Max(e.Points, 0)).Assessed(e.AwardId, e.RuleCode, e.Details);

    public Household Apply(AwardSubmitted e) =>
        (this with { Pending = Pending.Add(e.AwardId, new PendingAward(e.AwardId, e.RuleCode, e.Color, e.Points, e.OccurredOn, e.SubmittedBy)
        {
            Note = e.Note, Details = e.Details,
        }) })
        .CountTowardsCap(e.RuleCode, e.OccurredOn, Math.Max(e.Points, 0)).Assessed(e.AwardId, e.RuleCode, e.Details);

    public Household Apply(AwardApproved e)
    {
        var pending = Pending[e.AwardId];
        return (this with { Pending = Pending.Remove(e.AwardId) }).Credit(e.AwardId, pending.Color, pending.Points, pending.OccurredOn, e.Changes);
    }

    public Household Apply(AwardRevoked e) => (this with
    {
        Earned = e.WasCredited ? Earned.Add(e.Color, -e.Points) : Earned,
        Lots = Lots.ApplyChanges(e.Changes).MarkRevoked(e.AwardId),
        Pending = Pending.Remove(e.AwardId),
        Assessments = Assessments.RemoveRange(Assessments.Where(a => a.Value == e.AwardId).Select(a => a.Key)),
    }).CountTowardsCap(e.RuleCode, e.OccurredOn, -Math.Max(e.Points, 0));

    public Household Apply(PointsExpired e) => this with { Lots = Lots.ApplyChanges(e.Changes) };

    public Household Apply(PointsRedeemed e) =>
        (this with { Lots = Lots.ApplyChanges(e.Changes) }).CountRedemptions(e.Items, e.RedeemedOn, 1);

    public Household Apply(RedemptionReversed e) =>
        (this with { Lots = Lots.ApplyChanges(e.Changes) }).CountRedemptions(e.Items, e.RedeemedOn, -1);

    public Household Apply(MemberAdded e) =>
        this with { Members = Members.Add(new Member(e.MemberId, e.Name, e.Relation, e.IdNumberMasked, e.IdNumberHash, e.CardCheck)) };

    public Household Apply(MemberProposed e) => this with
    {
        MemberChanges = MemberChanges.Add(e.MemberId, new MemberChange(
            new Member(e.MemberId, e.Name, e.Relation, e.IdNumberMasked, e.IdNumberHash, e.CardCheck), Removal: false, e.ProposedBy)),
    };

    public Household Apply(MemberRemovalProposed e) => this with
    {
        MemberChanges = MemberChanges.Add(e.MemberId, new MemberChange(Members.Single(m => m.MemberId == e.MemberId), Removal: true, e.ProposedBy)),
    };

    public Household Apply(MemberChangeApproved e)
    {
        var change = MemberChanges[e.MemberId];
        return this with
        {
            Members = change.Removal ? Members.RemoveAll(m => m.MemberId == e.MemberId) : Members.Add(change.Member),
            MemberChanges = MemberChanges.Remove(e.MemberId),
        };
    }

    public Household Apply(MemberChangeRejected e) => this with { MemberChanges = MemberChanges.Remove(e.MemberId) };

    public Household Apply(PhoneChanged e) => this with { Phone = e.Phone, PhoneChanges = PhoneChanges + 1 };

    public Household Apply(GridChanged e) => this with { Grid = e.Grid };

    public Household Apply(HeadChanged e)
    {
        var head = Members.Single(m => m.MemberId == e.NewHeadMemberId);
        var former = new Member(e.FormerHeadMemberId, HeadName, Member.FormerHead, IdNumberMasked, IdNumberHash, CardCheck);
        return this with
        {
            HeadName = head.Name, IdNumberMasked = head.IdNumberMasked, IdNumberHash = head.IdNumberHash, CardCheck = head.CardCheck,
            Members = Members.Remove(head).Add(former),
        };
    }

    public Household Apply(CardReissued e) => this with { CardCheckKey = CardCheckKey, CardNo = e.CardNo };

    public Household Apply(HouseholdMovedOut e) => this with { MovedOutOn = e.On, Lots = Lots.ApplyChanges(e.Forfeited) };

    public Household Apply(PaymentCodeIssued e) => this;

    public Household Apply(ClaimFiled e) => this with { OpenClaims = OpenClaims.Add(e.ClaimId) };

    public Household Apply(ClaimAccepted e) => this with { OpenClaims = OpenClaims.Remove(e.ClaimId) };

    public Household Apply(ClaimDeclined e) => this with { OpenClaims = OpenClaims.Remove(e.ClaimId) };

    public Household Apply(CardCheckFailed e) =>
        this with { CardFailures = new CardFailures(e.On, CardFailures.On == e.On ? CardFailures.Count + 1 : 1) };

    private Household Credit(Guid awardId, PointColor color, int points, DateOnly occurredOn, ImmutableList<LotChange> changes) => this with
    {
        Earned = Earned.Add(color, points),
        Lots = points > 0 ? Lots.Add(new Lot(awardId, color, occurredOn, points)) : Lots.ApplyChanges(changes),
    };

    private Household CountRedemptions(IEnumerable<RedeemedItem> items, DateOnly redeemedOn, int sign)
    {
        var counts = RedemptionsByOfferAndMonth;
        foreach (var item in items.Where(item => item.OfferId is not null))
        {
            var key = OfferMonth(item.OfferId!.Value, redeemedOn);
            var total = counts.GetValueOrDefault(key) + sign * item.Quantity;
            counts = total == 0 ? counts.Remove(key) : counts.SetItem(key, total);
        }
        return this with { RedemptionsByOfferAndMonth = counts };
    }

    private Household Assessed(Guid awardId, string ruleCode, AwardDetails? details) =>
        details?.Period is { } period ? this with { Assessments = Assessments.SetItem(AssessmentKey(ruleCode, period), awardId) } : this;

    /// <summary>Caps limit what a rule gives, so callers pass only awarded (positive) points.</summary>
    private Household CountTowardsCap(string ruleCode, DateOnly occurredOn, int points)
    {
        if (points == 0) return this;
        var key = RuleMonth(ruleCode, occurredOn);
        var total = PointsByRuleAndMonth.GetValueOrDefault(key) + points;
        return this with { PointsByRuleAndMonth = total == 0 ? PointsByRuleAndMonth.Remove(key) : PointsByRuleAndMonth.SetItem(key, total) };
    }
}

public enum HouseholdStatus
{
    Active,
    /// <summary>Moved out (迁出): it earns and spends nothing more.</summary>
    Closed,
}

/// <summary>Wrong card checks on one day; <see cref="Limit"/> of them lock the card until the next day.</summary>
public sealed record CardFailures(DateOnly On, int Count)
{
    public const int Limit = 5;
    public static readonly CardFailures None = new(DateOnly.MinValue, 0);
}
