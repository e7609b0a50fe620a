using System.Collections.Immutable;
using PointsLedger.Auth;
using PointsLedger.Awards;
using PointsLedger.Expiry;
using PointsLedger.Redemptions;
using PointsLedger.Villages;

namespace PointsLedger.Tests;

/// <summary>Builds an aggregate the way Marten does: Create from the first event, then Apply each one after.</summary>
public static class Given
{
    public static readonly Guid VillageId = Guid.NewGuid();
    public static readonly Actor Cadre = new("cadre-1", Roles.Cadre, VillageId);
    public static readonly Actor Approver = new("approver-1", Roles.Approver, VillageId);
    public static readonly DateOnly Today = new(2026, 11, 20);

    public static Household Household(params object[] events)
    {
        var id = Guid.NewGuid();
        var household = PointsLedger.Households.Household.Create(new HouseholdRegistered(id, VillageId, "001", "张三明", "370112********1234", "hash", null, null, "123456789012", "check", "cadre-1"));
        return events.Aggregate(household, Apply);
    }

    /// <summary>An individual's account (网格员 by default), built the same way.</summary>
    public static Household Individual(AccountKind kind = AccountKind.GridWorker, params object[] events)
    {
        var account = PointsLedger.Households.Household.Create(new IndividualRegistered(Guid.NewGuid(), VillageId, kind, "W-001", "李网格",
            "370112********5678", "hash-w", null, null, "223456789012", "check", "cadre-1"));
        return events.Aggregate(account, Apply);
    }

    public static Household Apply(Household household, object e) => e switch
    {
        ClaimFiled x => household.Apply(x),
        ClaimAccepted x => household.Apply(x),
        ClaimDeclined x => household.Apply(x),
        PointsAwarded x => household.Apply(x),
        AwardSubmitted x => household.Apply(x),
        AwardApproved x => household.Apply(x),
        AwardRevoked x => household.Apply(x),
        PointsExpired x => household.Apply(x),
        PointsRedeemed x => household.Apply(x),
        RedemptionReversed x => household.Apply(x),
        CardCheckFailed x => household.Apply(x),
        MemberAdded x => household.Apply(x),
        MemberProposed x => household.Apply(x),
        MemberRemovalProposed x => household.Apply(x),
        MemberChangeApproved x => household.Apply(x),
        MemberChangeRejected x => household.Apply(x),
        PhoneChanged x => household.Apply(x),
        GridChanged x => household.Apply(x),
        HeadChanged x => household.Apply(x),
        CardReissued x => household.Apply(x),
        HouseholdMovedOut x => household.Apply(x),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, null),
    };

    public static Village Village(params Rule[] rules) =>
        new(VillageId, "V1", "东村", "刁镇街道", rules.ToImmutableDictionary(r => r.Code));

    public static Rule Rule(string code, PointColor color, int points, int? cap = null, bool approval = false) =>
        new(Guid.NewGuid(), code, color, $"细则{code}", points, cap, approval, false);

    public static AwardRevoked Revoked(PointsAwarded award) =>
        new(award.AwardId, award.RuleCode, award.Color, award.Points, award.OccurredOn, true, "approver-1", "错记", []);

    /// <summary>Revokes an award decided over the same events the household was built from.</summary>
    public static AwardRevoked Revoke(object[] events, Guid awardId, Actor? actor = null)
    {
        var household = Household(events);
        return AwardDecisions.Revoke(household, Village(), Award.FromHistory(events, awardId), awardId, "撤销", actor ?? Approver,
            new ExpiryPolicy().ExpiredBefore(Today));
    }

    public static PointsAwarded Awarded(PointColor color, int points, DateOnly on, string rule = "R1") =>
        new(Guid.NewGuid(), rule, color, points, on, "cadre-1", null, []);
}
