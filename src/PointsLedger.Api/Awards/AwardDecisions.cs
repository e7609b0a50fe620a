using System.Collections.Immutable;
using PointsLedger.Auth;
using PointsLedger.Expiry;
using PointsLedger.Households;
using PointsLedger.Ledger;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Awards;

/// <summary>
/// Pure decisions over a household's account. Endpoints run them while holding the household
/// stream's row lock, so two racing requests cannot both pass a cap or a status check.
/// </summary>
public static class AwardDecisions
{
    /// <summary>A batch names its households by id: each must exist and belong to the batch's village.</summary>
    public static Household InBatch(Household? household, Guid householdId, Village village) =>
        household is null ? throw new Refusal(ProblemCodes.HouseholdNotFound, householdId)
        : household.VillageId != village.Id ? throw new Refusal(ProblemCodes.HouseholdNotInVillage, householdId)
        : household.MustBeOpen();

    /// <param name="expiry">The township's policy: nothing is dated into a year whose points have already expired.</param>
    /// <param name="paperRef">The paper ledger's page and line, for an award entered from the book; it stands as the award's evidence.</param>
    /// <param name="score">An assessment's points, from one up to the rule's; otherwise the rule's points (per unit, times the quantity).</param>
    public static IRecordsAward Grant(
        Household household, Village village, Rule rule, Guid awardId, DateOnly occurredOn, string? note, Actor actor, DateOnly today, ExpiryPolicy expiry,
        string? paperRef = null, AwardDetails? details = null, int? score = null)
    {
        if (occurredOn > today) throw new Refusal(ProblemCodes.OccurredInFuture, occurredOn.ToString("yyyy-MM-dd"));
        if (occurredOn < expiry.ExpiredBefore(today)) throw new Refusal(ProblemCodes.OccurredInExpiredYear, occurredOn.ToString("yyyy-MM-dd"));
        village.MustBeOpenOn(occurredOn);
        GuardAgainstOwnHousehold(household, actor);
        household.MustBeOpen();
        if (rule.IsRetired) throw new Refusal(ProblemCodes.RuleRetired, rule.Code) { Extensions = { ["replacedBy"] = rule.ReplacedBy } };
        if (!AppliesTo(rule, household.Kind)) throw new Refusal(ProblemCodes.RuleNotForAccount, rule.Title, household.Kind.Label());
        if (rule.RequiresEvidence && paperRef is null && details?.EvidenceIds is not { Count: > 0 }) throw new Refusal(ProblemCodes.EvidenceRequired, rule.Title);
        if (details?.Period is { } period && household.Assessments.ContainsKey(Household.AssessmentKey(rule.Code, period)))
        {
            throw new Refusal(ProblemCodes.AlreadyAssessed, household.HouseholdNo, period, rule.Title);
        }
        var points = PointsFor(rule, details?.Quantity, score);
        if (rule.Limit is { } cap && CapUsed(household, village, rule, occurredOn) is { } used && used + points > cap.Points)
        {
            throw CapReached(rule, cap, used, points);
        }

        details = details is { IsEmpty: false } ? details : null;
        if (rule.RequiresApproval)
        {
            return new AwardSubmitted(awardId, rule.Code, rule.Color, points, occurredOn, actor.Id, note, paperRef, details);
        }
        return new PointsAwarded(awardId, rule.Code, rule.Color, points, occurredOn, actor.Id, note,
            DeductionDraws(household, rule.Color, points), paperRef, details);
    }

    /// <summary>The account as it stands once the awards already decided in this request are applied: a sheet's second score for it sees its first.</summary>
    public static Household After(Household account, IEnumerable<object> decided) => decided.Aggregate(account, (state, e) => e switch
    {
        PointsAwarded a => state.Apply(a),
        AwardSubmitted s => state.Apply(s),
        _ => state,
    });

    /// <summary>Whether the rule awards this kind of account: households only, unless it says otherwise.</summary>
    public static bool AppliesTo(Rule rule, AccountKind kind) => rule.AppliesTo switch
    {
        RuleAppliesTo.Both => true,
        RuleAppliesTo.Individual => kind.IsIndividual(),
        _ => !kind.IsIndividual(),
    };

    /// <summary>What an award under the rule is worth: the score, the hours times the points per hour, or the rule's points.</summary>
    public static int PointsFor(Rule rule, int? quantity, int? score = null)
    {
        if (score is { } scored)
        {
            var (low, high) = rule.Points > 0 ? (1, rule.Points) : (rule.Points, -1);
            return scored >= low && scored <= high ? scored : throw new Refusal(ProblemCodes.ScoreOutOfBounds, scored, rule.Title, low, high);
        }
        return (rule.Unit, quantity) switch
        {
            (null, null) => rule.Points,
            (null, _) => throw new Refusal(ProblemCodes.QuantityNotApplicable, rule.Title),
            (_, null) => throw new Refusal(ProblemCodes.QuantityRequired, rule.Title),
            (_, { } units) => rule.Points * units,
        };
    }

    public static AwardApproved Approve(Household household, Village village, Guid awardId, Actor approver)
    {
        var award = household.Pending.TryGetValue(awardId, out var pending) ? pending : throw new Refusal(ProblemCodes.AwardNotPending);
        if (award.SubmittedBy == approver.Id) throw new Refusal(ProblemCodes.SelfApproval);
        GuardAgainstOwnHousehold(household, approver);
        household.MustBeOpen();
        village.MustBeOpenOn(award.OccurredOn);
        return new AwardApproved(awardId, approver.Id, DeductionDraws(household, award.Color, award.Points));
    }

    /// <summary>
    /// Takes back what the award moved, unless its month is closed: then the correction is a new
    /// deduction in an open month. A credited award's points, less what of them already expired,
    /// come back out of available, from its own lot first, then other lots of its colour, never below
    /// zero; a revoked deduction returns the points to the lots it drew from; a pending award is
    /// simply withdrawn.
    /// </summary>
    /// <param name="award">The award's story from the household's stream; null when the stream has no such award.</param>
    /// <param name="expiredBefore">Lots granted before this day have expired: a revoked deduction gives them nothing back.</param>
    public static AwardRevoked Revoke(Household household, Village village, Award? award, Guid awardId, string reason, Actor actor, DateOnly expiredBefore)
    {
        if (award is null) throw new Refusal(ProblemCodes.AwardNotFound, awardId);
        if (award.Status == AwardStatus.Revoked) throw new Refusal(ProblemCodes.AwardAlreadyRevoked);
        village.MustBeOpenOn(award.OccurredOn);
        GuardAgainstOwnHousehold(household, actor);
        household.MustBeOpen();

        var changes = award switch
        {
            { Status: AwardStatus.Pending } => [],
            { Points: > 0 } => household.Lots.Draw(award.Points - award.Expired, lot => lot.Color == award.Color, first: award.AwardId),
            _ => award.Changes
                .Where(change => household.Lots.Find(lot => lot.AwardId == change.AwardId)!.CanTakeBack(expiredBefore))
                .Select(change => change with { Points = -change.Points })
                .ToImmutableList(),
        };
        return new AwardRevoked(awardId, award.RuleCode, award.Color, award.Points, award.OccurredOn,
            award.Status == AwardStatus.Credited, actor.Id, reason, changes);
    }

    /// <summary>What the household had from the rule, and the rules it replaced, in the cap's period around the day; none without a cap.</summary>
    public static int? CapUsed(Household household, Village village, Rule rule, DateOnly day) =>
        rule.Limit is { } cap ? household.PointsInPeriod(village.LineageOf(rule), day, cap) : null;

    private static Refusal CapReached(Rule rule, RuleCap cap, int used, int points) => new(cap.Per switch
    {
        CapPeriod.Month => ProblemCodes.MonthlyCapReached,
        CapPeriod.Quarter => ProblemCodes.QuarterlyCapReached,
        CapPeriod.Year => ProblemCodes.YearlyCapReached,
        _ => ProblemCodes.OnceCapReached,
    }, rule.Title, used, cap.Points, points);

    private static ImmutableList<LotChange> DeductionDraws(Household household, PointColor color, int points) =>
        points >= 0 ? [] : household.Lots.Draw(-points, lot => lot.Color == color);

    private static void GuardAgainstOwnHousehold(Household household, Actor actor)
    {
        if (actor.Role != Roles.Resident && actor.HouseholdId == household.Id) throw new Refusal(ProblemCodes.SelfAward);
    }
}
