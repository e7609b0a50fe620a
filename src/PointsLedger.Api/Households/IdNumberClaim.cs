namespace PointsLedger.Households;

/// <summary>
/// An ID number (its keyed hash) held by one person, head or member, of one household in a township.
/// The id is the township and the hash, so a second claim fails on insert, also under a race.
/// A person may also hold one individual account (a grid worker belongs to a household too), claimed apart.
/// </summary>
public sealed record IdNumberClaim(string Id, Guid HouseholdId)
{
    public static string IdFor(string township, string idNumberHash) => $"{township}/{idNumberHash}";

    public static string IndividualIdFor(string township, string idNumberHash) => $"{township}/individual/{idNumberHash}";
}
