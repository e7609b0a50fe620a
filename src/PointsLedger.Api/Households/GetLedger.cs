using Marten;
using PointsLedger.Auth;
using PointsLedger.Ledger;
using Wolverine.Http;

namespace PointsLedger.Households;

public sealed record HouseholdLedger(Guid HouseholdId, IReadOnlyList<LedgerEntry> Entries);

public static class GetLedgerEndpoint
{
    /// <summary>积分明细：the household's full history, newest first; <c>?color=</c> keeps one colour.</summary>
    [WolverineGet("/api/households/{householdId}/ledger"), Tags("Households")]
    public static async Task<HouseholdLedger> Get(Guid householdId, PointColor? color, Actor actor, IQuerySession session, CancellationToken ct)
    {
        await session.LoadForReaderAsync(householdId, actor, ct);
        var events = await session.Events.FetchStreamAsync(householdId, token: ct);
        var entries = LedgerEntries.From(events)
            .Where(entry => color is null || entry.Color == color)
            .Reverse()
            .ToList();
        return new HouseholdLedger(householdId, entries);
    }
}
