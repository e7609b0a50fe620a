using Marten;
using PointsLedger.Auth;
using PointsLedger.Merchants;
using PointsLedger.Problems;

namespace PointsLedger.Redemptions;

public static class RedemptionAccess
{
    /// <summary>
    /// The redemption with its merchant, for the merchant's clerks, township roles of its township and
    /// the household itself; anyone else is told it does not exist.
    /// </summary>
    public static async Task<(RedemptionRecord Redemption, Merchant Merchant)> LoadRedemptionForAsync(
        this IQuerySession session, Guid redemptionId, Actor actor, CancellationToken ct)
    {
        var redemption = await session.LoadAsync<RedemptionRecord>(redemptionId, ct);
        var merchant = redemption is null ? null : await session.LoadAsync<Merchant>(redemption.MerchantId, ct);
        var allowed = merchant is not null && (actor.CanSee(merchant) || (actor.Role == Roles.Resident && actor.HouseholdId == redemption!.HouseholdId));
        return allowed ? (redemption!, merchant!) : throw new Refusal(ProblemCodes.RedemptionNotFound, redemptionId);
    }
}
