using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using PointsLedger.Households;
using PointsLedger.Problems;

namespace PointsLedger.Awards;

/// <summary>Which household stream an award lives in, so an award can be found by its id alone.</summary>
public sealed record AwardLocation(Guid Id, Guid HouseholdId);

public sealed partial class AwardLocationProjection : EventProjection
{
    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case PointsAwarded awarded:
                operations.Store(new AwardLocation(awarded.AwardId, e.StreamId));
                break;
            case AwardSubmitted submitted:
                operations.Store(new AwardLocation(submitted.AwardId, e.StreamId));
                break;
        }
        return ValueTask.CompletedTask;
    }
}

public static class AwardStreams
{
    /// <summary>The household stream holding the award, locked until the request commits.</summary>
    public static async Task<IEventStream<Household>> FetchAwardStreamAsync(this IDocumentSession session, Guid awardId, CancellationToken ct)
    {
        var location = await session.LoadAsync<AwardLocation>(awardId, ct) ?? throw Refusal.NotFound("award-not-found", awardId);
        return await session.Events.FetchForExclusiveWriting<Household>(location.HouseholdId, ct);
    }
}
