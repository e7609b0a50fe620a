using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using PointsLedger.Households;

namespace PointsLedger.Reports;

/// <summary>
/// Keeps the township reports' tallies (<see cref="VillageMonthTally"/>, <see cref="VillageYearStanding"/>)
/// from the households' award events, asynchronously: the daemon hands it the events in order, one batch
/// at a time, so no two batches race on a village's month. A batch loads each tally it touches once,
/// folds its events in memory and stores the result; rebuilding replays every event.
/// </summary>
public sealed class ReportProjection : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var awards = events.Where(e => e.Data is PointsAwarded or AwardSubmitted or AwardApproved or AwardRevoked).ToList();
        if (awards.Count == 0) return;

        var villages = await VillagesOfAsync(operations, events, awards, cancellation);
        var earlier = awards.Select(e => e.Data switch { AwardApproved a => a.AwardId, AwardRevoked r => r.AwardId, _ => (Guid?)null }).OfType<Guid>().Distinct().ToArray();
        var facts = (await operations.LoadManyAsync<AwardFact>(cancellation, earlier)).ToDictionary(f => f.Id);
        var stored = facts.Keys.ToHashSet();
        var batch = new TallyBatch(operations);

        foreach (var e in awards)
        {
            var (village, kind) = villages[e.StreamId];
            switch (e.Data)
            {
                case PointsAwarded a:
                    var awarded = facts[a.AwardId] = new AwardFact(a.AwardId, village, e.StreamId, a.RuleCode, a.Color, a.Points, a.OccurredOn, a.AwardedBy) { Kind = kind };
                    await batch.CountAsync(awarded, +1, cancellation);
                    break;
                case AwardSubmitted s:
                    facts[s.AwardId] = new AwardFact(s.AwardId, village, e.StreamId, s.RuleCode, s.Color, s.Points, s.OccurredOn, s.SubmittedBy) { Kind = kind };
                    break;
                case AwardApproved ap when facts.TryGetValue(ap.AwardId, out var approved):
                    await batch.CountAsync(approved, +1, cancellation);
                    break;
                case AwardRevoked r when r.WasCredited && facts.TryGetValue(r.AwardId, out var standing):
                    await batch.CountAsync(standing with { Color = r.Color, Points = r.Points, OccurredOn = r.OccurredOn }, -1, cancellation);
                    break;
            }
        }

        // Facts loaded only to be read stay as they are; new ones are kept, and a revoked award's go.
        var revoked = awards.Select(e => e.Data).OfType<AwardRevoked>().Select(r => r.AwardId).ToHashSet();
        foreach (var fact in facts.Values.Where(f => !stored.Contains(f.Id) && !revoked.Contains(f.Id))) operations.Store(fact);
        foreach (var id in revoked) operations.Delete<AwardFact>(id);
        batch.Store();
    }

    /// <summary>The village and kind of each account in the batch: from its registration when that is in the batch, else its snapshot.</summary>
    private static async Task<Dictionary<Guid, (Guid Village, AccountKind Kind)>> VillagesOfAsync(
        IDocumentOperations operations, IReadOnlyList<IEvent> events, IReadOnlyList<IEvent> awards, CancellationToken cancellation)
    {
        var villages = new Dictionary<Guid, (Guid Village, AccountKind Kind)>();
        foreach (var registered in events.Select(e => e.Data))
        {
            if (registered is HouseholdRegistered h) villages[h.HouseholdId] = (h.VillageId, AccountKind.Household);
            if (registered is IndividualRegistered i) villages[i.AccountId] = (i.VillageId, i.Kind);
        }
        var unknown = awards.Select(e => e.StreamId).Where(id => !villages.ContainsKey(id)).Distinct().ToArray();
        foreach (var account in await operations.LoadManyAsync<Household>(cancellation, unknown)) villages[account.Id] = (account.VillageId, account.Kind);
        return villages;
    }

    private sealed class TallyBatch(IDocumentOperations operations)
    {
        private readonly Dictionary<string, VillageMonthTally> _months = [];
        private readonly Dictionary<string, VillageYearStanding> _years = [];

        public async Task CountAsync(AwardFact award, int sign, CancellationToken cancellation)
        {
            var monthId = VillageMonthTally.IdOf(award.VillageId, Ledger.Months.Of(award.OccurredOn));
            var month = _months.GetValueOrDefault(monthId)
                ?? await operations.LoadAsync<VillageMonthTally>(monthId, cancellation)
                ?? new VillageMonthTally(monthId, award.VillageId, Ledger.Months.Of(award.OccurredOn));
            _months[monthId] = month.Count(award, sign);

            var yearId = VillageYearStanding.IdOf(award.VillageId, award.OccurredOn.Year);
            var year = _years.GetValueOrDefault(yearId)
                ?? await operations.LoadAsync<VillageYearStanding>(yearId, cancellation)
                ?? new VillageYearStanding(yearId, award.VillageId, award.OccurredOn.Year);
            _years[yearId] = year.Count(award, sign);
        }

        public void Store()
        {
            foreach (var month in _months.Values) operations.Store(month);
            foreach (var year in _years.Values) operations.Store(year);
        }
    }
}
