using System.Collections.Immutable;
using PointsLedger.Ledger;
using PointsLedger.Problems;

namespace PointsLedger.Villages;

/// <summary>On the village's stream: from now on nothing may be dated into this month or before.</summary>
public sealed record MonthClosed(string Month, Guid NoticeId, string Digest, string? PreviousDigest, string ClosedBy);

public sealed record VillageRegistered(Guid VillageId, string Code, string Name, string Township, string RegisteredBy);

/// <param name="Template">The township template it was adopted from, whose colour and title it keeps.</param>
/// <param name="Replaces">The code of the rule it corrects, retired by this adoption.</param>
/// <param name="AppliesTo">Whose accounts it awards; none (rules adopted before individuals' accounts) means households.</param>
/// <param name="Unit">With a unit, <see cref="Points"/> are per unit and an award says how many (志愿服务时长: points per hour).</param>
public sealed record RuleAdopted(
    Guid RuleId, string Code, PointColor Color, string Title, int Points, int? MonthlyCap,
    bool RequiresApproval, bool RequiresEvidence, string AdoptedBy, RuleCap? Cap = null, string? Template = null, string? Replaces = null,
    RuleAppliesTo? AppliesTo = null, AwardUnit? Unit = null);

public enum RuleAppliesTo
{
    Household,
    Individual,
    Both,
}

public enum AwardUnit
{
    Hour,
}

/// <summary>No new awards under the rule from now on; its past awards stand.</summary>
public sealed record RuleRetired(string Code, string Reason, string RetiredBy);

/// <summary>A grid (网格) of the village, optionally with the grid worker (网格员) who looks after its households.</summary>
public sealed record GridAdded(string Code, string Name, Guid? WorkerAccountId, string AddedBy);

public sealed record Grid(string Code, string Name, Guid? WorkerAccountId);

/// <summary>A rule of the village's catalogue (积分细则). Negative points are a deduction (扣分).</summary>
public sealed record Rule(
    Guid RuleId, string Code, PointColor Color, string Title, int Points, int? MonthlyCap,
    bool RequiresApproval, bool RequiresEvidence)
{
    public RuleCap? Cap { get; init; }
    public string? Template { get; init; }
    public string? Replaces { get; init; }
    public string? ReplacedBy { get; init; }
    public string? RetiredReason { get; init; }

    public RuleAppliesTo AppliesTo { get; init; }

    /// <summary>When set, <see cref="Points"/> are per unit.</summary>
    public AwardUnit? Unit { get; init; }

    public bool IsRetired => RetiredReason is not null;

    /// <summary>The cap that holds: a rule adopted with <c>monthlyCap</c> only is capped per month.</summary>
    public RuleCap? Limit => Cap ?? (MonthlyCap is { } points ? new RuleCap(points, CapPeriod.Month) : null);
}

/// <summary>A village or community with its rule catalogue; one event stream per village.</summary>
public sealed record Village(Guid Id, string Code, string Name, string Township, ImmutableDictionary<string, Rule> Rules)
{
    public ImmutableDictionary<string, Grid> Grids { get; init; } = ImmutableDictionary<string, Grid>.Empty;

    /// <summary>The last month whose notice is closed ("2026-10"); nothing may be dated into it or before.</summary>
    public string? ClosedThrough { get; init; }

    /// <summary>The digest of that month's notice: the next notice names it, which chains them.</summary>
    public string? LastNoticeDigest { get; init; }

    public static Village Create(VillageRegistered e) =>
        new(e.VillageId, e.Code, e.Name, e.Township, ImmutableDictionary<string, Rule>.Empty);

    public Village Apply(RuleAdopted e)
    {
        var rules = Rules.SetItem(e.Code, new Rule(e.RuleId, e.Code, e.Color, e.Title, e.Points, e.MonthlyCap, e.RequiresApproval, e.RequiresEvidence)
        {
            Cap = e.Cap, Template = e.Template, Replaces = e.Replaces, AppliesTo = e.AppliesTo ?? RuleAppliesTo.Household, Unit = e.Unit,
        });
        if (e.Replaces is { } replaced)
        {
            var old = rules[replaced];
            rules = rules.SetItem(replaced, old with { ReplacedBy = e.Code, RetiredReason = old.RetiredReason ?? $"由 {e.Code} 取代" });
        }
        return this with { Rules = rules };
    }

    public Village Apply(RuleRetired e) => this with { Rules = Rules.SetItem(e.Code, Rules[e.Code] with { RetiredReason = e.Reason }) };

    public Village Apply(GridAdded e) => this with { Grids = Grids.Add(e.Code, new Grid(e.Code, e.Name, e.WorkerAccountId)) };

    public Village Apply(MonthClosed e) => this with { ClosedThrough = e.Month, LastNoticeDigest = e.Digest };

    /// <summary>The rule's code and the codes of the rules it corrected, newest first: a cap counts their awards together.</summary>
    public IEnumerable<string> LineageOf(Rule rule)
    {
        for (var code = rule.Code; code is not null; code = Rules.GetValueOrDefault(code)?.Replaces) yield return code;
    }

    public bool IsClosed(DateOnly day) => ClosedThrough is not null && string.CompareOrdinal(Months.Of(day), ClosedThrough) <= 0;

    /// <summary>Refuses anything dated into a closed month: corrections go into the next open one.</summary>
    public void MustBeOpenOn(DateOnly day)
    {
        if (IsClosed(day)) throw new Refusal(ProblemCodes.MonthClosed, Months.Of(day));
    }
}
