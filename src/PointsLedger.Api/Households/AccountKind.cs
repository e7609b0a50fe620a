using System.Text.Json.Serialization;

namespace PointsLedger.Households;

/// <summary>
/// Whose account a stream is: a household (户), or an individual who is not one — a grid worker (网格员),
/// a volunteer (志愿者), a delivery rider or courier serving as a mobile grid worker (骑手), someone else.
/// Every kind earns, spends and expires by the same rules.
/// </summary>
public enum AccountKind
{
    Household,
    [JsonStringEnumMemberName("grid-worker")] GridWorker,
    Volunteer,
    Rider,
    Other,
}

public static class AccountKinds
{
    public static bool IsIndividual(this AccountKind kind) => kind != AccountKind.Household;

    public static string Label(this AccountKind kind) => kind switch
    {
        AccountKind.Household => "农户",
        AccountKind.GridWorker => "网格员",
        AccountKind.Volunteer => "志愿者",
        AccountKind.Rider => "骑手",
        AccountKind.Other => "其他个人",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The letter an individual's account number starts with (W-001), so it never looks like a household number.</summary>
    public static string NumberPrefix(this AccountKind kind) => kind switch
    {
        AccountKind.GridWorker => "W",
        AccountKind.Volunteer => "V",
        AccountKind.Rider => "R",
        AccountKind.Other => "P",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
