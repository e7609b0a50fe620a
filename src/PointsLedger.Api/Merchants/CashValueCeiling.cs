using PointsLedger.Problems;

namespace PointsLedger.Merchants;

/// <summary>
/// The most the township pays a merchant for one point (Redemptions:MaxYuanPerPoint, 1.00 yuan unless
/// set): no offer or goods may be worth more, whoever prices it.
/// </summary>
public sealed record CashValueCeiling(decimal YuanPerPoint)
{
    public static CashValueCeiling From(IConfiguration configuration) => new(configuration.GetValue("Redemptions:MaxYuanPerPoint", 1.00m));

    public decimal Check(decimal cashValue, int points) =>
        cashValue <= points * YuanPerPoint ? cashValue : throw new Refusal(ProblemCodes.CashValueAboveCeiling, cashValue, points, YuanPerPoint);
}
