using Wolverine.Marten;

namespace PointsLedger.Http;

/// <summary>
/// <c>[WriteAggregate]</c> the way every write here uses it: the stream named by the route is locked
/// for the rest of the transaction, so a racing request cannot decide on the same state, and a missing
/// aggregate is left to the endpoint, which answers it with the stream's own not-found problem (as it
/// does one the caller may not see).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class WriteStreamAttribute : WriteAggregateAttribute
{
    public WriteStreamAttribute() => Configure();

    public WriteStreamAttribute(string routeOrParameterName) : base(routeOrParameterName) => Configure();

    private void Configure()
    {
        Required = false;
        LoadStyle = ConcurrencyStyle.Exclusive;
    }
}
