namespace PointsLedger.Ledger;

/// <summary>What is left to spend of one credited award; spending and expiry draw lots down.</summary>
public sealed record Lot(Guid AwardId, PointColor Color, DateOnly GrantedOn, int Remaining);

/// <summary>A movement on one lot: negative draws points from it, positive returns them.</summary>
public sealed record LotChange(Guid AwardId, int Points);
