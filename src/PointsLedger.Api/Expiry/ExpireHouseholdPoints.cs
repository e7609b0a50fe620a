using PointsLedger.Households;
using Wolverine.Marten;

namespace PointsLedger.Expiry;

/// <summary>Expire what is due in one household; sent by the sweep, safe to run twice.</summary>
public sealed record ExpireHouseholdPoints(Guid HouseholdId, DateOnly AsOf, int YearsKept);

[AggregateHandler(ConcurrencyStyle.Exclusive)]
public static class ExpireHouseholdPointsHandler
{
    public static IEnumerable<object> Handle(ExpireHouseholdPoints command, Household household)
    {
        if (ExpiryDecision.Expire(household, new ExpiryPolicy(command.YearsKept), command.AsOf) is { } expired) yield return expired;
    }
}
