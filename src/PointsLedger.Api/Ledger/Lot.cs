namespace PointsLedger.Ledger;

/// <summary>
/// What is left to spend of one credited award; spending and expiry draw lots down. A revoked award's
/// lot takes nothing back: neither a reversed redemption nor a revoked deduction refills it.
/// </summary>
public sealed record Lot(Guid AwardId, PointColor Color, DateOnly GrantedOn, int Remaining, bool Revoked = false)
{
    /// <summary>Whether points drawn from this lot may come back to it, as of a day before which grants have expired.</summary>
    public bool CanTakeBack(DateOnly expiredBefore) => !Revoked && GrantedOn >= expiredBefore;
}

/// <summary>A movement on one lot: negative draws points from it, positive returns them.</summary>
public sealed record LotChange(Guid AwardId, int Points);
