namespace PointsLedger.Redemptions;

/// <summary>
/// A payment token that paid: inserted in the redemption's transaction, so a second scan of the same
/// code is refused, and a racing one fails on the primary key; the resident's page learns from it which
/// redemption its code paid. Useless once expired; purged nightly.
/// </summary>
public sealed record UsedPaymentToken(Guid Id, Guid HouseholdId, DateTimeOffset ExpiresAt, Guid? RedemptionId = null);
