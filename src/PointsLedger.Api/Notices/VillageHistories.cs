using JasperFx.Events;
using Marten;
using PointsLedger.Households;
using PointsLedger.Http;

namespace PointsLedger.Notices;

public static class VillageHistories
{
    /// <summary>The village's households (their snapshots) and every household's history read from its events.</summary>
    public static async Task<(IReadOnlyList<Household> Households, IReadOnlyList<HouseholdHistory> Histories)> LoadVillageHistoriesAsync(
        this IQuerySession session, Guid villageId, CancellationToken ct)
    {
        var households = await session.Query<Household>().Where(h => h.VillageId == villageId).ToListAsync(ct);
        var ids = households.Select(h => h.Id).ToArray();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(ids)).OrderBy(e => e.Sequence).ToListAsync(ct);
        var histories = events.GroupBy(e => e.StreamId).Select(History).ToList();
        return (households, histories);
    }

    private static HouseholdHistory History(IEnumerable<IEvent> stream)
    {
        var events = stream.ToList();
        var (number, name, kind) = events[0].Data switch
        {
            HouseholdRegistered household => (household.HouseholdNo, household.HeadName, AccountKind.Household),
            IndividualRegistered individual => (individual.AccountNo, individual.Name, individual.Kind),
            var other => throw new InvalidOperationException($"an account's stream starts with {other.GetType().Name}"),
        };
        return new HouseholdHistory(number, name, events[0].Timestamp, LedgerEntries.From(events).ToList())
        {
            Kind = kind,
            LaterHeads = events.Where(e => e.Data is HeadChanged).Select(e => (LedgerClock.DateOf(e.Timestamp), ((HeadChanged)e.Data).HeadName)).ToList(),
        };
    }
}
