using JasperFx.Events;
using Marten;
using PointsLedger.Households;

namespace PointsLedger.Imports;

public static class HouseholdStreams
{
    /// <summary>
    /// The village's households a chunk names, by number, fetched in one round trip: locked, in id order
    /// (two imports or batches cannot deadlock), when the chunk commits; read only on a dry run.
    /// </summary>
    public static async Task<Dictionary<string, IEventStream<Household>>> FetchByNumberAsync(
        this IDocumentSession session, Guid villageId, IEnumerable<string> numbers, bool commit, CancellationToken ct)
    {
        var wanted = numbers.Where(no => no.Length > 0).Distinct().ToArray();
        var ids = await session.Query<Household>().Where(h => h.VillageId == villageId && h.HouseholdNo.IsOneOf(wanted)).Select(h => h.Id).ToListAsync(ct);
        if (ids.Count == 0) return [];
        var batch = session.CreateBatchQuery();
        var fetches = ids.Order().Select(id => commit ? batch.Events.FetchForExclusiveWriting<Household>(id) : batch.Events.FetchForWriting<Household>(id)).ToList();
        await batch.Execute(ct);
        var streams = new Dictionary<string, IEventStream<Household>>();
        foreach (var fetch in fetches)
        {
            var stream = await fetch;
            streams[stream.Aggregate!.HouseholdNo] = stream;
        }
        return streams;
    }
}
