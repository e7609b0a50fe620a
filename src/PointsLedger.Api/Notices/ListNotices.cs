using Marten;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Notices;

public sealed record NoticeSummary(string Month, string Digest, DateOnly ObjectionDeadline, bool Final, int Households, int OpenObjections);

public static class ListNoticesEndpoint
{
    /// <summary>历次公示：the village's closed months, newest first, for whoever may read its notices.</summary>
    [WolverineGet("/api/villages/{villageId}/notices"), Tags("Notices")]
    public static async Task<IReadOnlyList<NoticeSummary>> Get(Guid villageId, Actor actor, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (!await actor.MayReadNoticesOfAsync(session, villageId, ct)) throw new Refusal(ProblemCodes.VillageNotFound, villageId);
        var today = clock.Today();
        var notices = await session.Query<Notice>().Where(n => n.VillageId == villageId).ToListAsync(ct);
        var noticeIds = notices.Select(n => n.Id).ToArray();
        var open = (await session.Query<Objection>().Where(o => o.NoticeId.IsOneOf(noticeIds) && o.Outcome == null).Select(o => o.NoticeId).ToListAsync(ct))
            .CountBy(id => id).ToDictionary();
        return notices
            .OrderByDescending(n => n.Content.Month, StringComparer.Ordinal)
            .Select(n => new NoticeSummary(n.Content.Month, n.Digest, n.ObjectionDeadline, n.IsFinal(today), n.Content.Totals.Households, open.GetValueOrDefault(n.Id)))
            .ToList();
    }
}
