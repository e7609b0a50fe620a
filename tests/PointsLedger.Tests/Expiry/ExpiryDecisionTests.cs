using PointsLedger.Expiry;

namespace PointsLedger.Tests.Expiry;

public sealed class ExpiryDecisionTests
{
    private static readonly PointsAwarded In2026 = Given.Awarded(PointColor.Orange, 10, new DateOnly(2026, 6, 1));
    private static readonly PointsAwarded In2027 = Given.Awarded(PointColor.Orange, 7, new DateOnly(2027, 3, 1));

    [Fact]
    public void Nothing_expires_on_the_last_day_of_the_following_year()
    {
        Assert.Null(ExpiryDecision.Expire(Given.Household(In2026, In2027), new ExpiryPolicy(), new DateOnly(2027, 12, 31)));
    }

    [Fact]
    public void The_years_grants_expire_on_the_first_day_after_and_earned_stays()
    {
        var household = Given.Household(In2026, In2027);

        var expired = ExpiryDecision.Expire(household, new ExpiryPolicy(), new DateOnly(2028, 1, 1))!;
        var after = household.Apply(expired);

        Assert.Equal([new LotChange(In2026.AwardId, -10)], expired.Changes);
        Assert.Equal(7, after.Available.Orange);
        Assert.Equal(17, after.Earned.Orange);
        Assert.Null(ExpiryDecision.Expire(after, new ExpiryPolicy(), new DateOnly(2028, 1, 1)));
    }

    [Fact]
    public void A_township_that_keeps_points_longer_expires_them_later()
    {
        Assert.Null(ExpiryDecision.Expire(Given.Household(In2026), new ExpiryPolicy(YearsKept: 2), new DateOnly(2028, 6, 1)));
        Assert.NotNull(ExpiryDecision.Expire(Given.Household(In2026), new ExpiryPolicy(YearsKept: 2), new DateOnly(2029, 1, 1)));
    }
}
