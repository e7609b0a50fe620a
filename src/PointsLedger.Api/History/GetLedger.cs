using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Ledger;
using PointsLedger.Staff;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.History;

public sealed record HouseholdLedger(Guid HouseholdId, IReadOnlyList<LedgerEntry> Entries);

public static class GetLedgerEndpoint
{
    /// <summary>积分明细：the household's full history, newest first, each line with its rule's title and its actor's name; <c>?color=</c> keeps one colour.</summary>
    [WolverineGet("/api/households/{householdId}/ledger"), Tags("Households")]
    public static async Task<HouseholdLedger> Get(Guid householdId, PointColor? color, Actor actor, IQuerySession session, CancellationToken ct)
    {
        var household = await session.LoadForReaderAsync(householdId, actor, ct);
        var events = await session.Events.FetchStreamAsync(householdId, token: ct);
        var entries = LedgerEntries.From(events)
            .Where(entry => color is null || entry.Color == color)
            .Reverse()
            .ToList();
        var rules = (await session.LoadAsync<Village>(household.VillageId, ct))?.Rules;
        var names = await ActorNames.OfAsync(session, entries.Select(e => e.Actor), ct);
        return new HouseholdLedger(householdId, entries.Select(e => e with
        {
            RuleTitle = e.RuleCode is { } code ? rules?.GetValueOrDefault(code)?.Title : null,
            ActorName = names.For(e.Actor),
        }).ToList());
    }

    /// <summary>积分明细 of any account, a household's or an individual's.</summary>
    [WolverineGet("/api/accounts/{accountId}/ledger"), Tags("Accounts")]
    public static Task<HouseholdLedger> GetAccountLedger(Guid accountId, PointColor? color, Actor actor, IQuerySession session, CancellationToken ct) =>
        Get(accountId, color, actor, session, ct);
}
