using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Ledger;
using PointsLedger.Villages;

namespace PointsLedger.Notices;

/// <summary>
/// A household as registered, and its history as the ledger shows it: all from its events.
/// <see cref="LaterHeads"/> are the heads it had since, each from the village date the change was recorded.
/// </summary>
public sealed record HouseholdHistory(string HouseholdNo, string HeadName, DateTimeOffset RegisteredAt, IReadOnlyList<LedgerEntry> Entries)
{
    public AccountKind Kind { get; init; }

    public IReadOnlyList<(DateOnly Since, string Name)> LaterHeads { get; init; } = [];

    public string HeadOn(DateOnly day) => LaterHeads.LastOrDefault(head => head.Since <= day).Name ?? HeadName;

    public DateOnly? MovedOutOn => Entries.FirstOrDefault(e => e.Kind == "moved-out")?.OccurredOn;
}

/// <summary>
/// Derives a month's notice from the households' histories, by the dates the ledger gives each line
/// (an award's date, the day of a redemption or expiry), so that deriving it again later, from the
/// same events, gives the same content: nothing can be dated into a month once it is closed.
/// </summary>
public static class NoticeSheet
{
    private static readonly string[] EarningKinds = ["award", "deduction", "approved", "revoked"];

    public static NoticeContent Compute(
        Village village, DateOnly month, string? previousDigest, IEnumerable<HouseholdHistory> households, Func<string, string> proofCodeFor)
    {
        var last = month.AddMonths(1).AddDays(-1);
        var yearStart = new DateOnly(month.Year, 1, 1);
        var shown = households
            .Where(h => LedgerClock.DateOf(h.RegisteredAt) <= last || h.Entries.Any(e => e.OccurredOn <= last))
            .Where(h => h.MovedOutOn is not { } left || left >= month)
            .OrderBy(h => h.Kind.IsIndividual()).ThenBy(h => h.HouseholdNo, StringComparer.Ordinal)
            .Select(h => (Household: h, Dated: h.Entries.Where(e => e.OccurredOn <= last).ToList()))
            .ToList();

        var measured = shown.Select(h => (
            h.Household,
            Earned: EarnedBetween(h.Dated, month, last),
            YearToDate: EarnedBetween(h.Dated, yearStart, last),
            Spent: -h.Dated.Where(e => e.Kind.StartsWith("redemption", StringComparison.Ordinal) && e.OccurredOn >= month).Sum(e => e.Available),
            Available: h.Dated.Sum(e => e.Available))).ToList();
        // Competition ranking (1, 2, 2, 4), households among households and individuals among individuals.
        var rankOf = measured.GroupBy(m => m.Household.Kind.IsIndividual()).ToDictionary(section => section.Key, section => section
            .Select(m => m.YearToDate.Total).OrderDescending().Select((total, index) => (total, index))
            .GroupBy(x => x.total).ToDictionary(g => g.Key, g => g.First().index + 1));
        var lines = measured
            .Select(m => new NoticeLine(m.Household.HouseholdNo, PersonName.Mask(m.Household.HeadOn(last)), m.Earned, m.YearToDate, m.Spent, m.Available,
                rankOf[m.Household.Kind.IsIndividual()][m.YearToDate.Total], proofCodeFor(m.Household.HouseholdNo))
            {
                Kind = m.Household.Kind.IsIndividual() ? m.Household.Kind : null,
            })
            .ToList();

        var entryNo = 0;
        var entries = shown
            .SelectMany(h => h.Dated
                .Where(e => EarningKinds.Contains(e.Kind) && e.Earned != 0 && e.OccurredOn >= month)
                .Select(e => (h.Household.HouseholdNo, Entry: e)))
            .OrderBy(x => x.Entry.OccurredOn).ThenBy(x => x.HouseholdNo, StringComparer.Ordinal).ThenBy(x => x.Entry.Version)
            .Select(x => new NoticeEntry(++entryNo, x.HouseholdNo, EntryKind(x.Entry), x.Entry.RuleCode!,
                village.Rules.GetValueOrDefault(x.Entry.RuleCode!)?.Title ?? x.Entry.RuleCode!, x.Entry.Color!.Value, x.Entry.Earned, x.Entry.OccurredOn!.Value)
            {
                PaperRef = x.Entry.PaperRef, Quantity = x.Entry.Details?.Quantity,
            })
            .ToList();

        var individuals = lines.Count(l => l.IsIndividual);
        var totals = new NoticeTotals(lines.Aggregate(ColorTotals.Zero, (sum, l) => sum.Plus(l.Earned)), lines.Sum(l => l.Spent), lines.Count - individuals)
        {
            Individuals = individuals > 0 ? individuals : null,
        };
        return new NoticeContent(village.Code, village.Name, village.Township, Months.Of(month), previousDigest,
            NoticeContent.RootOf(lines), lines, entries, totals);
    }

    private static ColorTotals EarnedBetween(IEnumerable<LedgerEntry> entries, DateOnly from, DateOnly to) =>
        entries.Where(e => e.Earned != 0 && e.OccurredOn >= from && e.OccurredOn <= to)
            .Aggregate(ColorTotals.Zero, (sum, e) => sum.Add(e.Color!.Value, e.Earned));

    private static string EntryKind(LedgerEntry e) => e.Kind == "revoked" ? "revocation" : e.Earned > 0 ? "award" : "deduction";
}
