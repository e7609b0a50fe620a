using Marten;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Villages;
using Wolverine.Marten;

namespace PointsLedger.Expiry;

/// <summary>Expire what is due in one household; sent by the sweep, safe to run twice.</summary>
public sealed record ExpireHouseholdPoints(Guid HouseholdId, DateOnly AsOf, int YearsKept);

[AggregateHandler(ConcurrencyStyle.Exclusive)]
public static class ExpireHouseholdPointsHandler
{
    public static async Task<Events> Handle(ExpireHouseholdPoints command, Household household, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var village = await session.HoldOpenAndLoadAsync(household.VillageId, ct);
        // A sweep message handled after its month has closed expires as of today: nothing is dated into a closed month.
        var asOf = village.IsClosed(command.AsOf) ? clock.Today() : command.AsOf;
        return ExpiryDecision.Expire(household, new ExpiryPolicy(command.YearsKept), asOf) is { } expired ? [expired] : [];
    }
}
