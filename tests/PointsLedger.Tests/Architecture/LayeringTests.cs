using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static ArchUnitNET.Fluent.Slices.SliceRuleDefinition;

namespace PointsLedger.Tests.Architecture;

/// <summary>
/// The folders of the API (one namespace each) depend on each other without a cycle: a stream never
/// uses a slice, the platform imports no feature, and no two folders import each other.
/// </summary>
public sealed class LayeringTests
{
    private static readonly ArchUnitNET.Domain.Architecture Api = new ArchLoader().LoadAssemblies(typeof(global::PointsLedger.Households.Household).Assembly).Build();

    [Fact]
    public void The_folders_of_the_api_form_no_cycle()
    {
        Slices().Matching("PointsLedger.(*)").Should().BeFreeOfCycles().Check(Api);
    }

    [Fact]
    public void The_ledger_core_depends_on_no_other_folder()
    {
        Types().That().ResideInNamespace("PointsLedger.Ledger").Should()
            .NotDependOnAny(Types().That().ResideInNamespaceMatching(@"PointsLedger\.(?!Ledger)\w+"))
            .Check(Api);
    }
}
