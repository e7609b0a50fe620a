using FluentValidation;

namespace PointsLedger.Http;

public static class MoneyRule
{
    /// <summary>Amounts of money are yuan with at most two decimal places, from 0 to 1,000,000.</summary>
    public static IRuleBuilderOptions<T, decimal?> Money<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.InclusiveBetween(0m, 1_000_000m).PrecisionScale(9, 2, ignoreTrailingZeros: true);
}
