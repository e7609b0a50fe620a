namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>
/// Tests that kill a database or an API node under load and time how the rest copes: run alone, after
/// the others, so that the two cores they measure on are theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultCollection
{
    public const string Name = "faults";
}
