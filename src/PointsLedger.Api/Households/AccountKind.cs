using System.Reflection;
using System.Text.Json;
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
    private static readonly Dictionary<string, AccountKind> ByName = Enum.GetValues<AccountKind>().ToDictionary(Name, StringComparer.Ordinal);

    /// <summary>The kind as the API writes it: household, grid-worker, volunteer, rider, other.</summary>
    public static string Name(this AccountKind kind) =>
        typeof(AccountKind).GetField(kind.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>A kind as the API writes it (grid-worker), e.g. from a query string; none for a name that is not one.</summary>
    public static AccountKind? Parse(string? name) => name is not null && ByName.TryGetValue(name, out var kind) ? kind : null;

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
