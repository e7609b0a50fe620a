using PointsLedger.Exports;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Merchants;
using PointsLedger.Redemptions;

namespace PointsLedger.Statements;

/// <summary>A redemption (positive) or a reversal (negative) as the merchant settles it.</summary>
public sealed record StatementLine(
    string Kind, DateTimeOffset At, string ReceiptNo, Guid RedemptionId, string HouseholdNo, string Name, string Items, int Points, decimal CashValue);

public sealed record StatementTotals(int Redemptions, int Reversals, int Points, decimal CashValue)
{
    public static StatementTotals Of(IReadOnlyCollection<StatementLine> lines) => new(
        lines.Count(l => l.Kind == StatementKinds.Redemption), lines.Count(l => l.Kind == StatementKinds.Reversal),
        lines.Sum(l => l.Points), lines.Sum(l => l.CashValue));
}

public static class StatementKinds
{
    public const string Redemption = "redemption";
    public const string Reversal = "reversal";
}

/// <summary>
/// 商户月结单: every redemption of the month and every reversal made in the month (which may undo an
/// earlier month's redemption); the totals are what the township owes the merchant.
/// </summary>
public sealed record MerchantStatement(Guid MerchantId, string MerchantName, string Month, IReadOnlyList<StatementLine> Lines, StatementTotals Totals)
{
    public static MerchantStatement From(
        Merchant merchant, MonthRequest month, IEnumerable<RedemptionRecord> redemptions, IReadOnlyDictionary<Guid, Household> households)
    {
        var lines = StatementLines(month.Contains, redemptions, households).OrderBy(l => l.At).ToList();
        return new MerchantStatement(merchant.Id, merchant.Name, month.Month, lines, StatementTotals.Of(lines));
    }

    /// <summary>Redemptions made in the period, positive, and reversals made in it, negative.</summary>
    public static IEnumerable<StatementLine> StatementLines(
        Func<DateOnly, bool> inPeriod, IEnumerable<RedemptionRecord> redemptions, IReadOnlyDictionary<Guid, Household> households)
    {
        foreach (var r in redemptions)
        {
            var household = households[r.HouseholdId];
            var items = RedeemedItem.Describe(r.Items);
            if (inPeriod(r.RedeemedOn))
            {
                yield return new StatementLine(StatementKinds.Redemption, r.RedeemedAt, r.ReceiptNo, r.Id, household.HouseholdNo,
                    PersonName.Mask(household.HeadName), items, r.Points, r.CashValue);
            }
            if (r.Reversal is { } reversal && inPeriod(reversal.ReversedOn))
            {
                yield return new StatementLine(StatementKinds.Reversal, reversal.ReversedAt, r.ReceiptNo, r.Id, household.HouseholdNo,
                    PersonName.Mask(household.HeadName), items, -r.Points, -r.CashValue);
            }
        }
    }

    public Table ToTable() => new(
        $"{MerchantName}-{Month}-结算单",
        ["类型", "时间", "小票号", "户号", "户主", "兑换内容", "积分", "金额（元）"],
        [
            .. Lines.Select(l => (IReadOnlyList<object?>)[l.Kind == StatementKinds.Redemption ? "兑换" : "冲正",
                LedgerClock.LocalTime(l.At).ToString("yyyy-MM-dd HH:mm"), l.ReceiptNo, l.HouseholdNo, l.Name, l.Items, l.Points, l.CashValue]),
            ["合计", null, null, null, null, $"兑换 {Totals.Redemptions} 笔，冲正 {Totals.Reversals} 笔", Totals.Points, Totals.CashValue],
        ]);
}
