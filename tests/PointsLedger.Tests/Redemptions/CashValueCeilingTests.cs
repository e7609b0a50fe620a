using Microsoft.Extensions.Configuration;
using PointsLedger.Merchants;
using PointsLedger.Problems;

namespace PointsLedger.Tests.Redemptions;

public sealed class CashValueCeilingTests
{
    [Fact]
    public void The_township_pays_at_most_one_yuan_a_point_unless_configured_otherwise()
    {
        var ceiling = CashValueCeiling.From(new ConfigurationBuilder().Build());

        Assert.Equal(10.00m, ceiling.Check(10.00m, 10));
        Assert.Equal("cash-value-above-ceiling", Assert.Throws<Refusal>(() => ceiling.Check(10.01m, 10)).Code);
        Assert.Equal(1.00m, ceiling.YuanPerPoint);
    }
}
