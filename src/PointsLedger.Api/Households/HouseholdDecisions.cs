using PointsLedger.Auth;
using PointsLedger.Ledger;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Households;

/// <summary>What the township does with a household's available points when it moves out (<c>Households:OnMoveOut</c>).</summary>
public enum MoveOutPolicy
{
    Keep,
    Expire,
}

/// <summary>
/// Keeping a household's record right as village life changes: each change is a new event, and a change
/// that changes nothing (the same phone, the same grid) decides nothing.
/// </summary>
public static class HouseholdDecisions
{
    /// <summary>A household that moved out earns, spends and changes nothing more.</summary>
    public static Household MustBeOpen(this Household household) =>
        household.MovedOutOn is null ? household : throw new Refusal(ProblemCodes.HouseholdClosed, household.HouseholdNo);

    public static PhoneChanged? ChangePhone(Household household, string? phone, string? reason, Actor actor) =>
        household.MustBeOpen().Phone == phone ? null : new PhoneChanged(phone, reason, actor.Id);

    public static GridChanged? ChangeGrid(Household household, Village village, string? grid, string? reason, Actor actor)
    {
        if (household.MustBeOpen().Grid == grid) return null;
        if (grid is not null && !village.Grids.ContainsKey(grid)) throw new Refusal(ProblemCodes.UnknownGrid, grid);
        return new GridChanged(grid, reason, actor.Id);
    }

    /// <param name="formerHeadMemberId">The id the former head keeps as a member.</param>
    public static HeadChanged ChangeHead(Household household, Guid memberId, Guid formerHeadMemberId, string? reason, Actor actor)
    {
        var head = household.MustBeOpen().Members.Find(m => m.MemberId == memberId) ?? throw new Refusal(ProblemCodes.MemberNotFound, memberId);
        if (household.MemberChanges.ContainsKey(memberId)) throw new Refusal(ProblemCodes.MemberChangePending);
        return new HeadChanged(memberId, formerHeadMemberId, head.Name, reason, actor.Id);
    }

    public static CardReissued ReissueCard(Household household, string cardNo, string reason, Actor actor) =>
        new(cardNo, household.MustBeOpen().CardNo, reason, actor.Id);

    /// <summary>
    /// Dated like an award: not in the future, not into a closed month (the notices up to it stay as
    /// posted), and not before the last award dated to the household, so that nothing it earned falls
    /// after it left. Awards still waiting for an approver are withdrawn with it, so none holds up the
    /// month's close. The household stays on notices through the month it moved out in.
    /// </summary>
    public static IReadOnlyList<object> MoveOut(Household household, Village village, DateOnly on, string reason, Actor actor, DateOnly today, MoveOutPolicy policy)
    {
        household.MustBeOpen();
        if (on > today) throw new Refusal(ProblemCodes.OccurredInFuture, on.ToString("yyyy-MM-dd"));
        village.MustBeOpenOn(on);
        if (household.Lots.Select(lot => lot.GrantedOn).Concat(household.Pending.Values.Select(p => p.OccurredOn)).DefaultIfEmpty().Max() is var last && last > on)
        {
            throw new Refusal(ProblemCodes.MovedOutBeforeLastAward, on.ToString("yyyy-MM-dd"), last.ToString("yyyy-MM-dd"));
        }
        var withdrawn = household.Pending.Values.OrderBy(p => p.AwardId.ToString("N"), StringComparer.Ordinal)
            .Select(p => (object)new AwardRevoked(p.AwardId, p.RuleCode, p.Color, p.Points, p.OccurredOn, false, actor.Id, reason, []));
        var forfeited = policy == MoveOutPolicy.Expire ? household.Lots.Draw(household.Available.Total, _ => true) : [];
        return [.. withdrawn, new HouseholdMovedOut(on, reason, actor.Id, forfeited)];
    }
}
