using PointsLedger.Auth;
using PointsLedger.Problems;

namespace PointsLedger.Tests.Households;

public sealed class MemberDecisionTests
{
    private static readonly Member Daughter = new(Guid.NewGuid(), "孙小梅", "女儿", "370112************", "daughter-hash", "daughter-check");

    private static Household WithProposed(Member member) =>
        Given.Household(MemberDecisions.Propose(Given.Household(), member, Given.Cadre));

    [Fact]
    public void A_proposed_member_opens_the_card_only_once_another_person_approves()
    {
        var proposed = WithProposed(Daughter);

        var approved = Given.Apply(proposed, MemberDecisions.Approve(proposed, Daughter.MemberId, Given.Approver));

        Assert.False(proposed.CardOpensWith(Daughter.CardCheck));
        Assert.True(approved.CardOpensWith(Daughter.CardCheck));
        Assert.Equal(ProblemCodes.SelfApproval, Assert.Throws<Refusal>(() => MemberDecisions.Approve(proposed, Daughter.MemberId, Given.Cadre with { Role = Roles.Approver })).Problem);
    }

    [Fact]
    public void A_person_is_proposed_once_and_a_pending_change_is_decided_once()
    {
        var proposed = WithProposed(Daughter);
        var rejected = Given.Apply(proposed, MemberDecisions.Reject(proposed, Daughter.MemberId, "不在本户", Given.Approver));

        Assert.Equal(ProblemCodes.MemberAlreadyRegistered, Assert.Throws<Refusal>(() => MemberDecisions.Propose(proposed, Daughter, Given.Cadre)).Problem);
        Assert.Empty(rejected.Members);
        Assert.Equal(ProblemCodes.MemberChangeNotPending, Assert.Throws<Refusal>(() => MemberDecisions.Approve(rejected, Daughter.MemberId, Given.Approver)).Problem);
    }

    [Fact]
    public void A_removed_member_keeps_opening_the_card_until_the_removal_is_approved()
    {
        var proposed = WithProposed(Daughter);
        var member = Given.Apply(proposed, MemberDecisions.Approve(proposed, Daughter.MemberId, Given.Approver));
        var leaving = Given.Apply(member, MemberDecisions.ProposeRemoval(member, Daughter.MemberId, "迁出", Given.Cadre));

        var removed = Given.Apply(leaving, MemberDecisions.Approve(leaving, Daughter.MemberId, Given.Approver));

        Assert.True(leaving.CardOpensWith(Daughter.CardCheck));
        Assert.Equal(ProblemCodes.MemberChangePending, Assert.Throws<Refusal>(() => MemberDecisions.ProposeRemoval(leaving, Daughter.MemberId, "再次", Given.Cadre)).Problem);
        Assert.False(removed.CardOpensWith(Daughter.CardCheck));
        Assert.Equal(ProblemCodes.MemberNotFound, Assert.Throws<Refusal>(() => MemberDecisions.ProposeRemoval(removed, Daughter.MemberId, "已迁出", Given.Cadre)).Problem);
    }
}
