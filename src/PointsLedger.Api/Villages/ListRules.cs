using Marten;
using PointsLedger.Auth;
using PointsLedger.Ledger;
using Wolverine.Http;

namespace PointsLedger.Villages;

/// <param name="Replaces">The code of the rule this one corrects; <paramref name="ReplacedBy"/> the one that corrects it.</param>
/// <param name="Points">With a <paramref name="Unit"/>, the points per unit.</param>
public sealed record RuleView(
    string Code, PointColor Color, string Title, int Points, RuleCap? Cap, bool RequiresApproval, bool RequiresEvidence,
    RuleStatus Status, string? Template, string? Replaces, string? ReplacedBy, string? RetiredReason, RuleAppliesTo AppliesTo, AwardUnit? Unit)
{
    public static RuleView Of(Rule rule) => new(rule.Code, rule.Color, rule.Title, rule.Points, rule.Limit, rule.RequiresApproval, rule.RequiresEvidence,
        rule.IsRetired ? RuleStatus.Retired : RuleStatus.Active, rule.Template, rule.Replaces, rule.ReplacedBy, rule.RetiredReason, rule.AppliesTo, rule.Unit);
}

public enum RuleStatus
{
    Active,
    Retired,
}

public sealed record RuleList(IReadOnlyList<RuleView> Items);

public static class ListRulesEndpoint
{
    /// <summary>The village's rule catalogue (积分细则), by code; <c>status</c> keeps the active or the retired ones. A corrected rule sits beside the one it replaces.</summary>
    [WolverineGet("/api/villages/{villageId}/rules"), Tags("Villages")]
    public static async Task<RuleList> Get(Guid villageId, RuleStatus? status, Actor actor, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Auditor, Roles.Cadre, Roles.Approver).MustActIn(villageId);
        var village = await session.LoadVillageAsync(villageId, ct);
        actor.MustActIn(village);
        var rules = village.Rules.Values.Select(RuleView.Of).Where(rule => status is null || rule.Status == status);
        return new RuleList(rules.OrderBy(rule => rule.Replaces ?? rule.Code, StringComparer.Ordinal).ThenBy(rule => rule.Replaces is not null).ToList());
    }
}
