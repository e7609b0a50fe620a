using JasperFx.Events;
using Marten;
using Marten.Events;
using PointsLedger.Households;
using PointsLedger.Problems;

namespace PointsLedger.Awards;

/// <summary>
/// An award is identified by the event that recorded it: the event's id is the award id, so the
/// event store's own unique index finds the household stream an award lives in.
/// </summary>
public static class AwardStreams
{
    public static IEvent AsRecordedEvent(IRecordsAward decided) => decided switch
    {
        PointsAwarded e => new Event<PointsAwarded>(e) { Id = e.AwardId },
        AwardSubmitted e => new Event<AwardSubmitted>(e) { Id = e.AwardId },
        _ => throw new ArgumentOutOfRangeException(nameof(decided), decided, "not an event that records an award"),
    };

    public static async Task<Guid> FindHouseholdOfAwardAsync(this IQuerySession session, Guid awardId, CancellationToken ct)
    {
        var streams = await session.Events.QueryAllRawEvents()
            .Where(e => e.Id == awardId && e.EventTypesAre(typeof(PointsAwarded), typeof(AwardSubmitted)))
            .Select(e => e.StreamId)
            .ToListAsync(ct);
        return streams.Count == 1 ? streams[0] : throw new Refusal(ProblemCodes.AwardNotFound, awardId);
    }
}
