using Marten;

namespace PointsLedger.Staff;

/// <summary>The names behind the actor ids events record: a staff account's display name; 本户 for the resident's own acts.</summary>
public sealed class ActorNames(IReadOnlyDictionary<string, string> staff)
{
    public static async Task<ActorNames> OfAsync(IQuerySession session, IEnumerable<string?> actors, CancellationToken ct)
    {
        var ids = actors.Select(a => Guid.TryParse(a, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToArray();
        var accounts = ids.Length == 0 ? [] : await session.LoadManyAsync<StaffAccount>(ct, ids);
        return new ActorNames(accounts.ToDictionary(a => a.Id.ToString(), a => a.DisplayName));
    }

    public string? For(string? actor) => actor switch
    {
        null => null,
        _ when staff.TryGetValue(actor, out var name) => name,
        _ when actor.StartsWith("resident-", StringComparison.Ordinal) => "本户",
        _ => null,
    };
}
