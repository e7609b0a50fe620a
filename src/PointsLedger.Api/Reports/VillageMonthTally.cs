using System.Collections.Immutable;
using PointsLedger.Households;
using PointsLedger.Ledger;

namespace PointsLedger.Reports;

/// <param name="Awards">Standing awards: credited, positive, not revoked.</param>
public sealed record RuleTally(int Awards, int Points);

/// <summary>
/// One village's month as the township reports read it, kept by <see cref="ReportProjection"/>: what was
/// earned by colour (awards, deductions and revocations, by the award's date), and of the standing awards
/// the count per household (who took part), per rule, and per assessor and household (the 人情分 signal).
/// Its size grows with the village, never with the length of its history.
/// </summary>
public sealed record VillageMonthTally(string Id, Guid VillageId, string Month)
{
    public ColorTotals Earned { get; init; } = ColorTotals.Zero;

    public ImmutableDictionary<Guid, int> AwardsByHousehold { get; init; } = ImmutableDictionary<Guid, int>.Empty;

    public ImmutableDictionary<string, RuleTally> Rules { get; init; } = ImmutableDictionary<string, RuleTally>.Empty;

    /// <summary>The standing awards by the kind of account they went to: households, grid workers, volunteers…</summary>
    public ImmutableDictionary<AccountKind, RuleTally> Kinds { get; init; } = ImmutableDictionary<AccountKind, RuleTally>.Empty;

    public ImmutableDictionary<string, ImmutableDictionary<Guid, int>> Assessors { get; init; } =
        ImmutableDictionary<string, ImmutableDictionary<Guid, int>>.Empty;

    public static string IdOf(Guid villageId, string month) => $"{villageId:N}/{month}";

    /// <summary>An award that came to stand (<paramref name="sign"/> 1) or stopped standing (-1).</summary>
    public VillageMonthTally Count(AwardFact award, int sign)
    {
        var tally = this with { Earned = Earned.Add(award.Color, sign * award.Points) };
        if (award.Points <= 0) return tally;
        var rule = Rules.GetValueOrDefault(award.RuleCode) ?? new RuleTally(0, 0);
        var kind = Kinds.GetValueOrDefault(award.Kind) ?? new RuleTally(0, 0);
        return tally with
        {
            Kinds = kind.Awards + sign == 0
                ? Kinds.Remove(award.Kind)
                : Kinds.SetItem(award.Kind, new RuleTally(kind.Awards + sign, kind.Points + sign * award.Points)),
            AwardsByHousehold = Step(AwardsByHousehold, award.HouseholdId, sign),
            Rules = rule.Awards + sign == 0
                ? Rules.Remove(award.RuleCode)
                : Rules.SetItem(award.RuleCode, new RuleTally(rule.Awards + sign, rule.Points + sign * award.Points)),
            Assessors = Assessors.SetItem(award.Assessor, Step(Assessors.GetValueOrDefault(award.Assessor) ?? ImmutableDictionary<Guid, int>.Empty, award.HouseholdId, sign)),
        };
    }

    private static ImmutableDictionary<Guid, int> Step(ImmutableDictionary<Guid, int> counts, Guid key, int by) =>
        counts.GetValueOrDefault(key) + by is var count && count == 0 ? counts.Remove(key) : counts.SetItem(key, count);
}

/// <summary>Each household's points earned in one village's year (awards, deductions, revocations, by the award's date): the village rank.</summary>
public sealed record VillageYearStanding(string Id, Guid VillageId, int Year)
{
    public ImmutableDictionary<Guid, int> EarnedByHousehold { get; init; } = ImmutableDictionary<Guid, int>.Empty;

    public static string IdOf(Guid villageId, int year) => $"{villageId:N}/{year}";

    public VillageYearStanding Count(AwardFact award, int sign) => this with
    {
        EarnedByHousehold = EarnedByHousehold.SetItem(award.HouseholdId, EarnedByHousehold.GetValueOrDefault(award.HouseholdId) + sign * award.Points),
    };

    /// <summary>
    /// Competition ranking (1, 2, 2, 4) among the village's households still there (<paramref name="households"/>),
    /// as the notice ranks them: one that moved out no longer counts, and one with nothing this year stands at zero.
    /// </summary>
    public int RankOf(Guid householdId, IReadOnlyCollection<Guid> households)
    {
        var mine = EarnedByHousehold.GetValueOrDefault(householdId);
        return 1 + households.Count(other => EarnedByHousehold.GetValueOrDefault(other) > mine);
    }
}

/// <summary>What an approval or a revocation, arriving later, needs to know of the award it names.</summary>
/// <param name="Assessor">Who put the award forward: its awarder, or for an approved award its submitter.</param>
public sealed record AwardFact(Guid Id, Guid VillageId, Guid HouseholdId, string RuleCode, PointColor Color, int Points, DateOnly OccurredOn, string Assessor)
{
    public AccountKind Kind { get; init; }
}
