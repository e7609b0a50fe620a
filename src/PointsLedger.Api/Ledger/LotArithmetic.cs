using System.Collections.Immutable;

namespace PointsLedger.Ledger;

public static class LotArithmetic
{
    /// <summary>
    /// Draws up to <paramref name="points"/> from the lots that <paramref name="accepts"/>, the lot
    /// <paramref name="first"/> before any other, then oldest grant first. Returns fewer points than
    /// asked when the lots hold fewer: available never goes below zero.
    /// </summary>
    public static ImmutableList<LotChange> Draw(this IEnumerable<Lot> lots, int points, Func<Lot, bool> accepts, Guid? first = null)
    {
        var changes = ImmutableList.CreateBuilder<LotChange>();
        var ordered = lots
            .Where(lot => lot.Remaining > 0 && accepts(lot))
            .OrderBy(lot => lot.AwardId == first ? 0 : 1)
            .ThenBy(lot => lot.GrantedOn);
        foreach (var lot in ordered)
        {
            if (points == 0) break;
            var taken = Math.Min(points, lot.Remaining);
            changes.Add(new LotChange(lot.AwardId, -taken));
            points -= taken;
        }
        return changes.ToImmutable();
    }

    public static ImmutableList<Lot> ApplyChanges(this ImmutableList<Lot> lots, IEnumerable<LotChange> changes)
    {
        foreach (var change in changes)
        {
            var index = lots.FindIndex(lot => lot.AwardId == change.AwardId);
            var lot = lots[index];
            lots = lots.SetItem(index, lot with { Remaining = lot.Remaining + change.Points });
        }
        return lots;
    }

    public static ImmutableList<Lot> MarkRevoked(this ImmutableList<Lot> lots, Guid awardId) =>
        lots.FindIndex(lot => lot.AwardId == awardId) is var index and >= 0 ? lots.SetItem(index, lots[index] with { Revoked = true }) : lots;

    public static ColorTotals Totals(this IEnumerable<Lot> lots) =>
        lots.Aggregate(ColorTotals.Zero, (totals, lot) => totals.Add(lot.Color, lot.Remaining));
}
