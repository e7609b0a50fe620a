using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Ledger;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Awards;

/// <param name="CapLeft">What the household may still get from the rule in the cap's period around the day; none when the rule has no cap (deductions never have one).</param>
/// <param name="Points">With a <paramref name="Unit"/>, the points per unit.</param>
public sealed record AwardableRule(
    string Code, PointColor Color, string Title, int Points, RuleCap? Cap, bool RequiresApproval, bool RequiresEvidence, int? CapLeft, AwardUnit? Unit);

public sealed record AwardableRuleList(Guid HouseholdId, DateOnly On, IReadOnlyList<AwardableRule> Items);

public static class ListAwardableRulesEndpoint
{
    /// <summary>评分细则 (for a resident, what they may claim): the village's active rules that apply to the account, as they stand on a day (today by default), each with what is left of its cap.</summary>
    [WolverineGet("/api/households/{householdId}/rules"), Tags("Awards")]
    public static async Task<AwardableRuleList> Get(Guid householdId, DateOnly? on, Actor actor, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre, Roles.Approver, Roles.Resident);
        var household = await session.LoadForReaderAsync(householdId, actor, ct);
        var village = await session.LoadVillageAsync(household.VillageId, ct);
        var day = on ?? clock.Today();
        var rules = village.Rules.Values
            .Where(rule => !rule.IsRetired && AwardDecisions.AppliesTo(rule, household.Kind))
            .OrderBy(rule => rule.Code, StringComparer.Ordinal)
            .Select(rule => new AwardableRule(rule.Code, rule.Color, rule.Title, rule.Points, rule.Limit, rule.RequiresApproval, rule.RequiresEvidence,
                AwardDecisions.CapUsed(household, village, rule, day) is { } used ? Math.Max(0, rule.Limit!.Points - used) : null, rule.Unit))
            .ToList();
        return new AwardableRuleList(householdId, day, rules);
    }
}
