using PointsLedger.Exports;
using PointsLedger.Households;
using PointsLedger.Ledger;
using PointsLedger.Merchants;
using PointsLedger.Redemptions;
using PointsLedger.Statements;
using PointsLedger.Villages;

namespace PointsLedger.Reports;

public sealed record VillageMonthPoints(string VillageCode, string Village, string Month, ColorTotals Earned);

public sealed record MerchantRedemptions(string Merchant, string Kind, int Redemptions, int Points, decimal CashValue);

public sealed record VillageParticipation(string? VillageCode, string Village, int Households, int Participating, decimal Rate);

/// <param name="Accounts">Accounts of the kind registered in the township's villages; <paramref name="Awarded"/> those with a standing award in the period.</param>
public sealed record KindUse(AccountKind Kind, string Label, int Accounts, int Awarded, int Awards, int Points);

public sealed record RuleUse(string VillageCode, string Village, string RuleCode, string Title, int Awards, int Points);

/// <summary>One township template across the villages that adopted it: what was awarded under it in the period.</summary>
public sealed record TemplateUse(string Template, string Title, IReadOnlyList<string> Villages, int Awards, int Points);

/// <summary>人情分 signal: how much of one assessor's awards went to the five households they awarded most.</summary>
public sealed record AssessorConcentration(string Assessor, int Awards, int Households, int TopFiveAwards, decimal TopFiveShare)
{
    /// <summary>Enough awards to judge by, half or more of them to five households: worth a look.</summary>
    public bool Flagged => Awards >= 10 && TopFiveShare >= 0.5m;

    /// <summary>The assessor's name, for a staff account.</summary>
    public string? AssessorName { get; init; }
}

/// <summary>
/// 街道汇总报表 over a range of months: points granted per village, colour and month; redemptions per
/// merchant; participation; the rules used most; and per assessor the share of awards to their top five
/// households. The points come from the report projection's tallies, the redemptions from their records.
/// </summary>
public sealed record SummaryReport(
    string? Township, string From, string To, IReadOnlyList<VillageMonthPoints> Granted, IReadOnlyList<MerchantRedemptions> Redeemed,
    IReadOnlyList<VillageParticipation> Participation, VillageParticipation Overall, IReadOnlyList<RuleUse> TopRules,
    IReadOnlyList<AssessorConcentration> Assessors, IReadOnlyList<TemplateUse> Templates)
{
    /// <summary>The awards by kind of account: households, and the individuals (网格员, 志愿者…) besides them.</summary>
    public IReadOnlyList<KindUse> Kinds { get; init; } = [];

    /// <param name="accounts">Every account of the villages with its kind: households are the participation rate's denominator.</param>
    /// <param name="tallies">The villages' months in the period, as <see cref="ReportProjection"/> keeps them.</param>
    public static SummaryReport Build(
        string? township, DateOnly from, DateOnly to, IReadOnlyList<Village> villages, IReadOnlyList<(Guid Id, Guid VillageId, AccountKind Kind)> accounts,
        IReadOnlyList<VillageMonthTally> tallies, IReadOnlyList<Merchant> merchants, IReadOnlyList<RedemptionRecord> redemptions,
        IReadOnlyDictionary<Guid, Household> redeemers)
    {
        var last = to.AddMonths(1).AddDays(-1);
        var byVillage = villages.OrderBy(v => v.Code, StringComparer.Ordinal)
            .Select(v => (Village: v, Months: tallies.Where(t => t.VillageId == v.Id).OrderBy(t => t.Month, StringComparer.Ordinal).ToList()))
            .ToList();

        var granted = byVillage
            .SelectMany(v => v.Months.Select(t => new VillageMonthPoints(v.Village.Code, v.Village.Name, t.Month, t.Earned)))
            .ToList();

        var redeemed = merchants
            .Select(m => (Merchant: m, Totals: StatementTotals.Of(
                MerchantStatement.StatementLines(day => day >= from && day <= last, redemptions.Where(r => r.MerchantId == m.Id), redeemers).ToList())))
            .Select(x => new MerchantRedemptions(x.Merchant.Name, x.Merchant.Kind.Label(), x.Totals.Redemptions - x.Totals.Reversals, x.Totals.Points, x.Totals.CashValue))
            .OrderByDescending(m => m.Points).ThenBy(m => m.Merchant, StringComparer.Ordinal)
            .ToList();

        var kindOf = accounts.ToDictionary(a => a.Id, a => a.Kind);
        var households = accounts.Where(a => a.Kind == AccountKind.Household).GroupBy(a => a.VillageId).ToDictionary(g => g.Key, g => g.Count());
        var participation = byVillage
            .Select(v => Rate(v.Village.Code, v.Village.Name, households.GetValueOrDefault(v.Village.Id),
                v.Months.SelectMany(t => t.AwardsByHousehold.Keys).Distinct().Count(id => kindOf.GetValueOrDefault(id) == AccountKind.Household)))
            .ToList();
        var awarded = tallies.SelectMany(t => t.AwardsByHousehold.Keys).Distinct().ToHashSet();
        var kinds = Enum.GetValues<AccountKind>()
            .Select(kind => new KindUse(kind, kind.Label(), accounts.Count(a => a.Kind == kind), accounts.Count(a => a.Kind == kind && awarded.Contains(a.Id)),
                tallies.Sum(t => t.Kinds.GetValueOrDefault(kind)?.Awards ?? 0), tallies.Sum(t => t.Kinds.GetValueOrDefault(kind)?.Points ?? 0)))
            .Where(use => use.Kind == AccountKind.Household || use.Accounts > 0)
            .ToList();
        var overall = Rate(null, "全部", participation.Sum(p => p.Households), participation.Sum(p => p.Participating));

        var rules = byVillage
            .SelectMany(v => v.Months.SelectMany(t => t.Rules).GroupBy(r => r.Key)
                .Select(g => (v.Village, RuleCode: g.Key, Awards: g.Sum(r => r.Value.Awards), Points: g.Sum(r => r.Value.Points))))
            .ToList();
        var topRules = rules
            .Select(r => new RuleUse(r.Village.Code, r.Village.Name, r.RuleCode, r.Village.Rules.GetValueOrDefault(r.RuleCode)?.Title ?? r.RuleCode, r.Awards, r.Points))
            .OrderByDescending(r => r.Awards).ThenBy(r => r.VillageCode, StringComparer.Ordinal).ThenBy(r => r.RuleCode, StringComparer.Ordinal)
            .Take(10)
            .ToList();

        var templates = rules
            .Select(r => (r.Village, r.Awards, r.Points, Rule: r.Village.Rules.GetValueOrDefault(r.RuleCode)))
            .Where(r => r.Rule?.Template is not null)
            .GroupBy(r => r.Rule!.Template!)
            .Select(g => new TemplateUse(g.Key, g.OrderBy(r => r.Village.Code, StringComparer.Ordinal).First().Rule!.Title,
                g.Select(r => r.Village.Code).Distinct().Order(StringComparer.Ordinal).ToList(), g.Sum(r => r.Awards), g.Sum(r => r.Points)))
            .OrderBy(t => t.Template, StringComparer.Ordinal)
            .ToList();

        var assessors = tallies
            .SelectMany(t => t.Assessors.SelectMany(a => a.Value.Select(h => (Assessor: a.Key, Household: h.Key, Awards: h.Value))))
            .GroupBy(a => a.Assessor)
            .Where(g => g.Sum(a => a.Awards) > 0)
            .Select(g =>
            {
                var perHousehold = g.GroupBy(a => a.Household).Select(h => h.Sum(a => a.Awards)).OrderDescending().ToList();
                var awards = perHousehold.Sum();
                var topFive = perHousehold.Take(5).Sum();
                return new AssessorConcentration(g.Key, awards, perHousehold.Count, topFive, Math.Round((decimal)topFive / awards, 3));
            })
            .OrderByDescending(a => a.TopFiveShare).ThenByDescending(a => a.Awards).ThenBy(a => a.Assessor, StringComparer.Ordinal)
            .ToList();

        return new SummaryReport(township, Months.Of(from), Months.Of(to), granted, redeemed, participation, overall, topRules, assessors, templates)
        {
            Kinds = kinds,
        };
    }

    private static VillageParticipation Rate(string? code, string village, int households, int active) =>
        new(code, village, households, active, households == 0 ? 0 : Math.Round((decimal)active / households, 3));

    /// <summary>The spreadsheet: one sheet per section, each with its own named columns.</summary>
    public IReadOnlyList<Table> ToWorkbook() =>
    [
        new("各村积分", ["村编码", "村（社区）", "月份", "红", "紫", "橙", "绿", "蓝", "合计"],
            [.. Granted.Select(g => (IReadOnlyList<object?>)[g.VillageCode, g.Village, g.Month, g.Earned.Red, g.Earned.Purple, g.Earned.Orange, g.Earned.Green, g.Earned.Blue, g.Earned.Total])]),
        new("商户兑换", ["商户", "类型", "笔数", "积分", "金额（元）"],
            [.. Redeemed.Select(r => (IReadOnlyList<object?>)[r.Merchant, r.Kind, r.Redemptions, r.Points, r.CashValue])]),
        new("参与率", ["村编码", "村（社区）", "有得分户", "在册户", "参与率"],
            [.. Participation.Append(Overall).Select(p => (IReadOnlyList<object?>)[p.VillageCode, p.Village, p.Participating, p.Households, new Percent(p.Rate)])]),
        new("账户类别", ["类别", "账户数", "有得分", "加分次数", "积分"],
            [.. Kinds.Select(k => (IReadOnlyList<object?>)[k.Label, k.Accounts, k.Awarded, k.Awards, k.Points])]),
        new("常用细则", ["村编码", "村（社区）", "细则编码", "细则", "次数", "积分"],
            [.. TopRules.Select(r => (IReadOnlyList<object?>)[r.VillageCode, r.Village, r.RuleCode, r.Title, r.Awards, r.Points])]),
        new("细则模板", ["模板编码", "模板", "采用的村", "次数", "积分"],
            [.. Templates.Select(t => (IReadOnlyList<object?>)[t.Template, t.Title, string.Join(' ', t.Villages), t.Awards, t.Points])]),
        new("评分人集中度", ["评分人", "加分次数", "涉及户数", "前五户次数", "前五户占比", "需关注"],
            [.. Assessors.Select(a => (IReadOnlyList<object?>)[a.AssessorName ?? a.Assessor, a.Awards, a.Households, a.TopFiveAwards, new Percent(a.TopFiveShare), a.Flagged ? "需关注" : ""])]),
    ];

    public Table ToTable() => new(
        $"{Township ?? "全部街道"}-{From}至{To}-汇总报表",
        ["类别", "名称", "月份/类型", "红", "紫", "橙", "绿", "蓝", "合计", "笔数/户数", "金额（元）/比例"],
        [
            .. Granted.Select(g => (IReadOnlyList<object?>)["发放积分", g.Village, g.Month, g.Earned.Red, g.Earned.Purple, g.Earned.Orange, g.Earned.Green, g.Earned.Blue, g.Earned.Total, null, null]),
            .. Redeemed.Select(r => (IReadOnlyList<object?>)["商户兑换", r.Merchant, r.Kind, null, null, null, null, null, r.Points, r.Redemptions, r.CashValue]),
            .. Participation.Append(Overall).Select(p => (IReadOnlyList<object?>)["参与率", p.Village, null, null, null, null, null, null, p.Participating, p.Households, p.Rate]),
            .. Kinds.Select(k => (IReadOnlyList<object?>)["账户类别", k.Label, null, null, null, null, null, null, k.Points, k.Awards, k.Accounts]),
            .. TopRules.Select(r => (IReadOnlyList<object?>)["常用细则", $"{r.Village} {r.Title}", r.RuleCode, null, null, null, null, null, r.Points, r.Awards, null]),
            .. Templates.Select(t => (IReadOnlyList<object?>)["细则模板", t.Title, t.Template, null, null, null, null, null, t.Points, t.Awards, string.Join(' ', t.Villages)]),
            .. Assessors.Select(a => (IReadOnlyList<object?>)["评分人集中度", a.AssessorName ?? a.Assessor, null, null, null, null, null, null, a.TopFiveAwards, a.Awards, a.TopFiveShare]),
        ]);
}
