using PointsLedger.Exports;
using PointsLedger.Households;
using PointsLedger.Ledger;
using PointsLedger.Merchants;
using PointsLedger.Notices;
using PointsLedger.Redemptions;
using PointsLedger.Statements;
using PointsLedger.Villages;

namespace PointsLedger.Reports;

public sealed record VillageMonthPoints(string VillageCode, string Village, string Month, ColorTotals Earned);

public sealed record MerchantRedemptions(string Merchant, string Kind, int Redemptions, int Points, decimal CashValue);

public sealed record VillageParticipation(string? VillageCode, string Village, int Households, int Participating, decimal Rate);

public sealed record RuleUse(string VillageCode, string Village, string RuleCode, string Title, int Awards, int Points);

/// <summary>One township template across the villages that adopted it: what was awarded under it in the period.</summary>
public sealed record TemplateUse(string Template, string Title, IReadOnlyList<string> Villages, int Awards, int Points);

/// <summary>人情分 signal: how much of one assessor's awards went to the five households they awarded most.</summary>
public sealed record AssessorConcentration(string Assessor, int Awards, int Households, int TopFiveAwards, decimal TopFiveShare);

/// <summary>
/// 街道汇总报表 over a range of months: points granted per village, colour and month; redemptions per
/// merchant; participation; the rules used most; and per assessor the share of awards to their top five
/// households. Every figure is derived from the ledger's events and the redemption records.
/// </summary>
public sealed record SummaryReport(
    string? Township, string From, string To, IReadOnlyList<VillageMonthPoints> Granted, IReadOnlyList<MerchantRedemptions> Redeemed,
    IReadOnlyList<VillageParticipation> Participation, VillageParticipation Overall, IReadOnlyList<RuleUse> TopRules,
    IReadOnlyList<AssessorConcentration> Assessors, IReadOnlyList<TemplateUse> Templates)
{
    public sealed record VillageHistories(Village Village, IReadOnlyList<HouseholdHistory> Households);

    public static SummaryReport Build(
        string? township, DateOnly from, DateOnly to, IReadOnlyList<VillageHistories> villages, IReadOnlyList<Merchant> merchants,
        IReadOnlyList<RedemptionRecord> redemptions, IReadOnlyDictionary<Guid, Household> households)
    {
        var last = to.AddMonths(1).AddDays(-1);
        bool InRange(DateOnly? day) => day >= from && day <= last;

        var awards = villages.SelectMany(v => v.Households.SelectMany(h => Awards(h).Where(a => InRange(a.Entry.OccurredOn))
            .Select(a => (v.Village, h.HouseholdNo, a.Entry, a.Assessor)))).ToList();

        var granted = villages.SelectMany(v => v.Households.SelectMany(h => h.Entries)
                .Where(e => e.Earned != 0 && InRange(e.OccurredOn))
                .GroupBy(e => Months.Of(e.OccurredOn!.Value))
                .Select(g => new VillageMonthPoints(v.Village.Code, v.Village.Name, g.Key, g.Aggregate(ColorTotals.Zero, (sum, e) => sum.Add(e.Color!.Value, e.Earned)))))
            .OrderBy(p => p.VillageCode, StringComparer.Ordinal).ThenBy(p => p.Month, StringComparer.Ordinal)
            .ToList();

        var redeemed = merchants
            .Select(m => (Merchant: m, Totals: StatementTotals.Of(
                MerchantStatement.StatementLines(day => InRange(day), redemptions.Where(r => r.MerchantId == m.Id), households).ToList())))
            .Select(x => new MerchantRedemptions(x.Merchant.Name, x.Merchant.Kind.Label(), x.Totals.Redemptions - x.Totals.Reversals, x.Totals.Points, x.Totals.CashValue))
            .OrderByDescending(m => m.Points).ThenBy(m => m.Merchant, StringComparer.Ordinal)
            .ToList();

        var participation = villages
            .Select(v =>
            {
                var active = awards.Where(a => a.Village.Id == v.Village.Id).Select(a => a.HouseholdNo).Distinct().Count();
                return Rate(v.Village.Code, v.Village.Name, v.Households.Count, active);
            })
            .OrderBy(p => p.VillageCode, StringComparer.Ordinal)
            .ToList();
        var overall = Rate(null, "全部", participation.Sum(p => p.Households), participation.Sum(p => p.Participating));

        var topRules = awards
            .GroupBy(a => (a.Village.Id, RuleCode: a.Entry.RuleCode!))
            .Select(g => (Village: g.First().Village, g.Key.RuleCode, Awards: g.ToList()))
            .Select(x => new RuleUse(x.Village.Code, x.Village.Name, x.RuleCode, x.Village.Rules.GetValueOrDefault(x.RuleCode)?.Title ?? x.RuleCode,
                x.Awards.Count, x.Awards.Sum(a => a.Entry.Earned)))
            .OrderByDescending(r => r.Awards).ThenBy(r => r.VillageCode, StringComparer.Ordinal).ThenBy(r => r.RuleCode, StringComparer.Ordinal)
            .Take(10)
            .ToList();

        var templates = awards
            .Select(a => (a.Village, a.Entry, Rule: a.Village.Rules.GetValueOrDefault(a.Entry.RuleCode!)))
            .Where(a => a.Rule?.Template is not null)
            .GroupBy(a => a.Rule!.Template!)
            .Select(g => new TemplateUse(g.Key, g.First().Rule!.Title,
                g.Select(a => a.Village.Code).Distinct().Order(StringComparer.Ordinal).ToList(), g.Count(), g.Sum(a => a.Entry.Earned)))
            .OrderBy(t => t.Template, StringComparer.Ordinal)
            .ToList();

        var assessors = awards
            .GroupBy(a => a.Assessor)
            .Select(g =>
            {
                var perHousehold = g.GroupBy(a => (a.Village.Id, a.HouseholdNo)).Select(h => h.Count()).OrderDescending().ToList();
                var topFive = perHousehold.Take(5).Sum();
                return new AssessorConcentration(g.Key, g.Count(), perHousehold.Count, topFive, Math.Round((decimal)topFive / g.Count(), 3));
            })
            .OrderByDescending(a => a.TopFiveShare).ThenByDescending(a => a.Awards).ThenBy(a => a.Assessor, StringComparer.Ordinal)
            .ToList();

        return new SummaryReport(township, Months.Of(from), Months.Of(to), granted, redeemed, participation, overall, topRules, assessors, templates);
    }

    /// <summary>Awards that still stand, each with the staff member who put it forward (the submitter of an approved one).</summary>
    private static IEnumerable<(LedgerEntry Entry, string Assessor)> Awards(HouseholdHistory household)
    {
        var submitters = household.Entries.Where(e => e.Kind == "submitted").ToDictionary(e => e.AwardId!.Value, e => e.Actor ?? "");
        var revoked = household.Entries.Where(e => e.Kind == "revoked").Select(e => e.AwardId).ToHashSet();
        return household.Entries
            .Where(e => e.Kind is "award" or "approved" && e.Earned > 0 && !revoked.Contains(e.AwardId))
            .Select(e => (e, e.Kind == "approved" ? submitters.GetValueOrDefault(e.AwardId!.Value, "") : e.Actor ?? ""));
    }

    private static VillageParticipation Rate(string? code, string village, int households, int active) =>
        new(code, village, households, active, households == 0 ? 0 : Math.Round((decimal)active / households, 3));

    public Table ToTable() => new(
        $"{Township ?? "全部街道"}-{From}至{To}-汇总报表",
        ["类别", "名称", "月份/类型", "红", "紫", "橙", "绿", "蓝", "合计", "笔数/户数", "金额（元）/比例"],
        [
            .. Granted.Select(g => (IReadOnlyList<object?>)["发放积分", g.Village, g.Month, g.Earned.Red, g.Earned.Purple, g.Earned.Orange, g.Earned.Green, g.Earned.Blue, g.Earned.Total, null, null]),
            .. Redeemed.Select(r => (IReadOnlyList<object?>)["商户兑换", r.Merchant, r.Kind, null, null, null, null, null, r.Points, r.Redemptions, r.CashValue]),
            .. Participation.Append(Overall).Select(p => (IReadOnlyList<object?>)["参与率", p.Village, null, null, null, null, null, null, p.Participating, p.Households, p.Rate]),
            .. TopRules.Select(r => (IReadOnlyList<object?>)["常用细则", $"{r.Village} {r.Title}", r.RuleCode, null, null, null, null, null, r.Points, r.Awards, null]),
            .. Templates.Select(t => (IReadOnlyList<object?>)["细则模板", t.Title, t.Template, null, null, null, null, null, t.Points, t.Awards, string.Join(' ', t.Villages)]),
            .. Assessors.Select(a => (IReadOnlyList<object?>)["评分人集中度", a.Assessor, null, null, null, null, null, null, a.TopFiveAwards, a.Awards, a.TopFiveShare]),
        ]);
}
