using JasperFx.Events;
using Marten;
using PointsLedger.Problems;

namespace PointsLedger.Staff;

public static class StaffAccountLookup
{
    /// <summary>The account's stream, locked until the request commits.</summary>
    public static async Task<IEventStream<StaffAccount>> FetchAccountAsync(this IDocumentSession session, Guid accountId, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<StaffAccount>(accountId, ct);
        return stream.Aggregate is null ? throw Refusal.NotFound("staff-not-found", accountId) : stream;
    }
}
