using System.Collections.Immutable;
using System.Text.Json.Serialization;
using PointsLedger.Ledger;

namespace PointsLedger.Households;

public sealed record HouseholdRegistered(
    Guid HouseholdId, Guid VillageId, string HouseholdNo, string HeadName, string IdNumberMasked, string IdNumberHash,
    string? Phone, string? Grid, string CardNo, string CardCheck, string RegisteredBy);

/// <summary>An individual's account (网格员, 志愿者…): the same stream as a household's, numbered <see cref="AccountNo"/> in the village.</summary>
public sealed record IndividualRegistered(
    Guid AccountId, Guid VillageId, AccountKind Kind, string AccountNo, string Name, string IdNumberMasked, string IdNumberHash,
    string? Phone, string? Grid, string CardNo, string CardCheck, string RegisteredBy);

/// <summary>Credited at once: a positive award opens a lot; a deduction draws lots of its colour down.</summary>
/// <summary>The event that records an award: <see cref="PointsAwarded"/> when it is credited at once, <see cref="AwardSubmitted"/> when it waits for approval.</summary>
public interface IRecordsAward
{
    Guid AwardId { get; }
    PointColor Color { get; }
    int Points { get; }
}

/// <param name="PaperRef">The page and line of the paper ledger (纸质台账) it was entered from, so the book tallies with the ledger.</param>
/// <param name="Details">What the award carries beyond its rule; none for most.</param>
public sealed record PointsAwarded(
    Guid AwardId, string RuleCode, PointColor Color, int Points, DateOnly OccurredOn, string AwardedBy, string? Note,
    ImmutableList<LotChange> Changes, string? PaperRef = null, AwardDetails? Details = null) : IRecordsAward;

/// <summary>Waiting for an approver because the rule asks for one; moves no points yet.</summary>
public sealed record AwardSubmitted(
    Guid AwardId, string RuleCode, PointColor Color, int Points, DateOnly OccurredOn, string SubmittedBy, string? Note, string? PaperRef = null,
    AwardDetails? Details = null) : IRecordsAward;

/// <param name="Quantity">How many of the rule's unit (hours of volunteer service) the points are for.</param>
/// <param name="EvidenceIds">The photos that show it (<c>POST /api/evidence</c>).</param>
/// <param name="ClaimedBy">The resident whose claim it grew from (自己提); the award's actor is the cadre who accepted it.</param>
/// <param name="Period">The quarter an assessment scored (2026-Q4).</param>
public sealed record AwardDetails(int? Quantity = null, ImmutableList<string>? EvidenceIds = null, string? ClaimedBy = null, string? Period = null)
{
    /// <summary>An award is for one day's service.</summary>
    public const int MaxHours = 24;

    [JsonIgnore]
    public bool IsEmpty => Quantity is null && EvidenceIds is not { Count: > 0 } && ClaimedBy is null && Period is null;
}

public sealed record AwardApproved(Guid AwardId, string ApprovedBy, ImmutableList<LotChange> Changes);

/// <summary>
/// Undoes a credited award (or withdraws a pending one) with who and why; the original stays in the
/// ledger. It repeats what it undoes, so that it reads, and applies, on its own.
/// </summary>
public sealed record AwardRevoked(
    Guid AwardId, string RuleCode, PointColor Color, int Points, DateOnly OccurredOn, bool WasCredited,
    string RevokedBy, string Reason, ImmutableList<LotChange> Changes);

/// <summary>A member of the household besides its head, recorded at once (before members needed an approver); their ID digits also unlock the household card.</summary>
public sealed record MemberAdded(Guid MemberId, string Name, string Relation, string IdNumberMasked, string IdNumberHash, string CardCheck, string AddedBy);

/// <summary>A member a cadre proposes: they count only once an approver who is not the proposer approves.</summary>
public sealed record MemberProposed(Guid MemberId, string Name, string Relation, string IdNumberMasked, string IdNumberHash, string CardCheck, string ProposedBy);

/// <summary>A member a cadre proposes to remove (moved out, passed away): they stay until an approver approves.</summary>
public sealed record MemberRemovalProposed(Guid MemberId, string Reason, string ProposedBy);

public sealed record MemberChangeApproved(Guid MemberId, string ApprovedBy);

public sealed record MemberChangeRejected(Guid MemberId, string RejectedBy, string Reason);

public sealed record Member(Guid MemberId, string Name, string Relation, string IdNumberMasked, string IdNumberHash, string CardCheck)
{
    /// <summary>The relation a head who gave up the headship keeps as a member.</summary>
    public const string FormerHead = "原户主";
}

/// <summary>A member's arrival or departure waiting for an approver.</summary>
public sealed record MemberChange(Member Member, bool Removal, string ProposedBy);

/// <summary>A payment code for the household issued to someone other than its resident (an admin), who is named.</summary>
public sealed record PaymentCodeIssued(Guid Nonce, DateTimeOffset ExpiresAt, string IssuedTo);

/// <summary>清零: lots past the township's expiry lose what is left; earned points stay.</summary>
public sealed record PointsExpired(DateOnly AsOf, ImmutableList<LotChange> Changes);
