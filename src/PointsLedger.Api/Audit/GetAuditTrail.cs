using JasperFx.Events;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Imports;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Audit;

/// <summary>One recorded change: what happened, to which stream, by whom, when, in which request.</summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, string? Actor, string? Role, string? CorrelationId, Guid StreamId, string Event);

public sealed record AuditTrail(IReadOnlyList<AuditEntry> Entries, long? Before);

public static class GetAuditTrailEndpoint
{
    public const int PageSize = 200;

    /// <summary>
    /// 操作记录: who did what, newest first, from the event store's own metadata. Filter by actor,
    /// village (its own stream and its households') and time; page with <c>before</c> = the last sequence seen.
    /// </summary>
    [WolverineGet("/api/audit"), Tags("Audit")]
    public static async Task<AuditTrail> Get(
        string? actor, Guid? villageId, DateTimeOffset? from, DateTimeOffset? to, long? before,
        Actor caller, IQuerySession session, CancellationToken ct)
    {
        caller.MustBe(Roles.Admin, Roles.Auditor);
        // A township's auditor reads village by village; only an unscoped one reads across townships.
        if (caller.Township is not null) caller.MustActIn(await session.LoadVillageAsync(villageId ?? throw new Refusal(ProblemCodes.OutOfScope), ct));
        var events = session.Events.QueryAllRawEvents().AsQueryable();
        if (actor is not null) events = events.Where(e => e.UserName == actor);
        if (from is { } start) events = events.Where(e => e.Timestamp >= start);
        if (to is { } end) events = events.Where(e => e.Timestamp < end);
        if (before is { } sequence) events = events.Where(e => e.Sequence < sequence);
        if (villageId is { } village)
        {
            var households = await session.Query<Household>().Where(h => h.VillageId == village).Select(h => h.Id).ToListAsync(ct);
            var imports = await session.Query<Import>().Where(i => i.VillageId == village).Select(i => i.Id).ToListAsync(ct);
            Guid[] streams = [village, .. households, .. imports];
            events = events.Where(e => e.StreamId.IsOneOf(streams));
        }

        var page = await events.OrderByDescending(e => e.Sequence).Take(PageSize).ToListAsync(ct);
        var entries = page.Select(e => new AuditEntry(e.Sequence, e.Timestamp, e.UserName, Role(e), e.CorrelationId, e.StreamId, e.EventTypeName)).ToList();
        return new AuditTrail(entries, entries.Count == PageSize ? entries[^1].Sequence : null);
    }

    private static string? Role(IEvent e) => e.Headers?.GetValueOrDefault(ActorRoleHeader.Name)?.ToString();
}
