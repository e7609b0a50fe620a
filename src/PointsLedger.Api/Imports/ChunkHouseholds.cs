using JasperFx.Events;
using Marten;
using PointsLedger.Households;

namespace PointsLedger.Imports;

/// <summary>
/// The village's households a chunk names, by number, fetched in one round trip. A commit fetches their
/// streams locked, in id order (two imports or batches cannot deadlock), to append to; a dry run appends
/// nothing and reads the documents alone.
/// </summary>
public sealed class ChunkHouseholds
{
    private readonly Dictionary<string, Household> _households;
    private readonly Dictionary<string, IEventStream<Household>> _streams;

    private ChunkHouseholds(Dictionary<string, Household> households, Dictionary<string, IEventStream<Household>> streams) =>
        (_households, _streams) = (households, streams);

    public Household? this[string householdNo] => _households.GetValueOrDefault(householdNo);

    public IEnumerable<Household> All => _households.Values;

    public void Append(string householdNo, object decided) => _streams[householdNo].AppendOne(decided);

    public static async Task<ChunkHouseholds> FetchAsync(IDocumentSession session, Guid villageId, IEnumerable<string> numbers, bool commit, CancellationToken ct)
    {
        var wanted = numbers.Where(no => no.Length > 0).Distinct().ToArray();
        var named = session.Query<Household>().Where(h => h.VillageId == villageId && h.HouseholdNo.IsOneOf(wanted));
        if (!commit) return new ChunkHouseholds((await named.ToListAsync(ct)).ToDictionary(h => h.HouseholdNo), []);

        var ids = await named.Select(h => h.Id).ToListAsync(ct);
        var streams = new Dictionary<string, IEventStream<Household>>();
        if (ids.Count > 0)
        {
            var batch = session.CreateBatchQuery();
            var fetches = ids.Order().Select(id => batch.Events.FetchForExclusiveWriting<Household>(id)).ToList();
            await batch.Execute(ct);
            foreach (var fetch in fetches)
            {
                var stream = await fetch;
                streams[stream.Aggregate!.HouseholdNo] = stream;
            }
        }
        return new ChunkHouseholds(streams.ToDictionary(s => s.Key, s => s.Value.Aggregate!), streams);
    }
}
