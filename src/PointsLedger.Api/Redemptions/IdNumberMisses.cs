namespace PointsLedger.Redemptions;

/// <summary>
/// A clerk's ID numbers that matched nobody today: an ID number alone opens a household's points, so
/// guessing is stopped after <see cref="Limit"/> misses a day, as the card's six digits are.
/// </summary>
public sealed record IdNumberMisses(string Id, int Count)
{
    public const int Limit = 5;

    public static string IdFor(string clerk, DateOnly day) => $"{clerk}/{day:yyyy-MM-dd}";
}
