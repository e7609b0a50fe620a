using System.Collections.Immutable;
using PointsLedger.Households;
using PointsLedger.Ledger;

namespace PointsLedger.Expiry;

public static class ExpiryDecision
{
    /// <summary>Everything left in lots past the policy's last spendable day expires; nothing when none is due.</summary>
    public static PointsExpired? Expire(Household household, ExpiryPolicy policy, DateOnly asOf)
    {
        var cutoff = policy.ExpiredBefore(asOf);
        var changes = household.Lots
            .Where(lot => lot.Remaining > 0 && lot.GrantedOn < cutoff)
            .Select(lot => new LotChange(lot.AwardId, -lot.Remaining))
            .ToImmutableList();
        return changes.IsEmpty ? null : new PointsExpired(asOf, changes);
    }
}
