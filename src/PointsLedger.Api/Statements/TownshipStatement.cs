using PointsLedger.Exports;
using PointsLedger.Households;
using PointsLedger.Merchants;
using PointsLedger.Redemptions;

namespace PointsLedger.Statements;

public sealed record MerchantSettlement(
    Guid MerchantId, string Name, MerchantKind Kind, string Township, int Redemptions, int Reversals, int Points, decimal CashValue);

/// <summary>街道汇总结算: each merchant's totals for the month, as its own statement has them.</summary>
public sealed record TownshipStatement(string? Township, string Month, IReadOnlyList<MerchantSettlement> Merchants, StatementTotals Totals)
{
    public static TownshipStatement From(
        string? township, MonthRequest month, IEnumerable<Merchant> merchants, IReadOnlyList<RedemptionRecord> redemptions,
        IReadOnlyDictionary<Guid, Household> households)
    {
        var settlements = merchants
            .Select(m => (Merchant: m, Totals: StatementTotals.Of(
                MerchantStatement.StatementLines(month.Contains, redemptions.Where(r => r.MerchantId == m.Id), households).ToList())))
            .Select(x => new MerchantSettlement(x.Merchant.Id, x.Merchant.Name, x.Merchant.Kind, x.Merchant.Township,
                x.Totals.Redemptions, x.Totals.Reversals, x.Totals.Points, x.Totals.CashValue))
            .OrderBy(s => s.Township, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var totals = new StatementTotals(settlements.Sum(s => s.Redemptions), settlements.Sum(s => s.Reversals),
            settlements.Sum(s => s.Points), settlements.Sum(s => s.CashValue));
        return new TownshipStatement(township, month.Month, settlements, totals);
    }

    public Table ToTable() => new(
        $"{Township ?? "全部街道"}-{Month}-商户结算汇总",
        ["街道", "商户", "类型", "兑换笔数", "冲正笔数", "积分", "金额（元）"],
        [
            .. Merchants.Select(m => (IReadOnlyList<object?>)[m.Township, m.Name, m.Kind.Label(), m.Redemptions, m.Reversals, m.Points, m.CashValue]),
            ["合计", null, null, Totals.Redemptions, Totals.Reversals, Totals.Points, Totals.CashValue],
        ]);
}
