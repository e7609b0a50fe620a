using System.Collections.Immutable;
using PointsLedger.Ledger;
using PointsLedger.Problems;

namespace PointsLedger.Villages;

/// <summary>On the village's stream: from now on nothing may be dated into this month or before.</summary>
public sealed record MonthClosed(string Month, Guid NoticeId, string Digest, string? PreviousDigest, string ClosedBy);

public sealed record VillageRegistered(Guid VillageId, string Code, string Name, string Township, string RegisteredBy);

public sealed record RuleAdopted(
    Guid RuleId, string Code, PointColor Color, string Title, int Points, int? MonthlyCap,
    bool RequiresApproval, bool RequiresEvidence, string AdoptedBy);

/// <summary>A rule of the village's catalogue (积分细则). Negative points are a deduction (扣分).</summary>
public sealed record Rule(
    Guid RuleId, string Code, PointColor Color, string Title, int Points, int? MonthlyCap,
    bool RequiresApproval, bool RequiresEvidence);

/// <summary>A village or community with its rule catalogue; one event stream per village.</summary>
public sealed record Village(Guid Id, string Code, string Name, string Township, ImmutableDictionary<string, Rule> Rules)
{
    /// <summary>The last month whose notice is closed ("2026-10"); nothing may be dated into it or before.</summary>
    public string? ClosedThrough { get; init; }

    /// <summary>The digest of that month's notice: the next notice names it, which chains them.</summary>
    public string? LastNoticeDigest { get; init; }

    public static Village Create(VillageRegistered e) =>
        new(e.VillageId, e.Code, e.Name, e.Township, ImmutableDictionary<string, Rule>.Empty);

    public Village Apply(RuleAdopted e) => this with
    {
        Rules = Rules.SetItem(e.Code, new Rule(e.RuleId, e.Code, e.Color, e.Title, e.Points, e.MonthlyCap, e.RequiresApproval, e.RequiresEvidence)),
    };

    public Village Apply(MonthClosed e) => this with { ClosedThrough = e.Month, LastNoticeDigest = e.Digest };

    public bool IsClosed(DateOnly day) => ClosedThrough is not null && string.CompareOrdinal(Months.Of(day), ClosedThrough) <= 0;

    /// <summary>Refuses anything dated into a closed month: corrections go into the next open one.</summary>
    public void MustBeOpenOn(DateOnly day)
    {
        if (IsClosed(day)) throw new Refusal(ProblemCodes.MonthClosed, Months.Of(day));
    }
}
