using System.Collections.Immutable;
using PointsLedger.Ledger;

namespace PointsLedger.Households;

/// <summary>Residents sign in by the new number only; null when the household gives up its phone.</summary>
public sealed record PhoneChanged(string? Phone, string? Reason, string ChangedBy);

/// <summary>
/// A member becomes the head (the head died or moved away). The former head stays a member, under
/// <see cref="FormerHeadMemberId"/>, until their removal is approved. <see cref="HeadName"/> is the new
/// head's, which the notices name the household by from this day on.
/// </summary>
public sealed record HeadChanged(Guid NewHeadMemberId, Guid FormerHeadMemberId, string HeadName, string? Reason, string ChangedBy);

public sealed record GridChanged(string? Grid, string? Reason, string ChangedBy);

/// <summary>
/// A new card for a lost or worn one: the former number answers <c>card-replaced</c> from now on, and
/// the ID digits keep opening the new card (their checks stay keyed by the first card's number).
/// </summary>
public sealed record CardReissued(string CardNo, string FormerCardNo, string Reason, string ReissuedBy);

/// <summary>
/// The household has left the village (迁出): it earns and spends nothing more. <see cref="Forfeited"/> is
/// what the township's policy took of its available points (none when it keeps them).
/// </summary>
public sealed record HouseholdMovedOut(DateOnly On, string Reason, string MovedOutBy, ImmutableList<LotChange> Forfeited);
