using PointsLedger.Auth;
using PointsLedger.Problems;

namespace PointsLedger.Households;

/// <summary>
/// Members are maker-checker: a cadre proposes an arrival or a departure, and an approver who is not the
/// proposer, and not of the household, approves or rejects it. A member's ID digits open the household
/// card, so nobody adds a person of their choosing alone.
/// </summary>
public static class MemberDecisions
{
    public static MemberProposed Propose(Household household, Member member, Actor actor) =>
        household.Kind.IsIndividual() ? throw new Refusal(ProblemCodes.NotAHousehold)
        : household.MustBeOpen().HasPerson(member.IdNumberHash)
            ? throw new Refusal(ProblemCodes.MemberAlreadyRegistered)
            : new MemberProposed(member.MemberId, member.Name, member.Relation, member.IdNumberMasked, member.IdNumberHash, member.CardCheck, actor.Id);

    public static MemberRemovalProposed ProposeRemoval(Household household, Guid memberId, string reason, Actor actor)
    {
        if (household.MustBeOpen().Members.All(m => m.MemberId != memberId)) throw new Refusal(ProblemCodes.MemberNotFound, memberId);
        if (household.MemberChanges.ContainsKey(memberId)) throw new Refusal(ProblemCodes.MemberChangePending);
        return new MemberRemovalProposed(memberId, reason, actor.Id);
    }

    public static MemberChangeApproved Approve(Household household, Guid memberId, Actor approver)
    {
        var change = Pending(household.MustBeOpen(), memberId);
        if (change.ProposedBy == approver.Id) throw new Refusal(ProblemCodes.SelfApproval);
        if (approver.HouseholdId == household.Id) throw new Refusal(ProblemCodes.SelfAward);
        return new MemberChangeApproved(memberId, approver.Id);
    }

    public static MemberChangeRejected Reject(Household household, Guid memberId, string reason, Actor approver)
    {
        Pending(household, memberId);
        return new MemberChangeRejected(memberId, approver.Id, reason);
    }

    private static MemberChange Pending(Household household, Guid memberId) =>
        household.MemberChanges.GetValueOrDefault(memberId) ?? throw new Refusal(ProblemCodes.MemberChangeNotPending);
}
