namespace PointsLedger.Households;

/// <summary>
/// An ID number (its keyed hash) held by one person, head or member, of one household in a township.
/// The id is the township and the hash, so a second claim fails on insert, also under a race.
/// </summary>
public sealed record IdNumberClaim(string Id, Guid HouseholdId)
{
    public static string IdFor(string township, string idNumberHash) => $"{township}/{idNumberHash}";
}
