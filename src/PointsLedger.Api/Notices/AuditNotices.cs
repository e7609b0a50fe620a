using Marten;
using PointsLedger.Auth;
using Wolverine.Http;

namespace PointsLedger.Notices;

public static class AuditNoticesEndpoint
{
    /// <summary>核验全部公示：re-derives every closed notice from the events and lists any mismatch. Admins and auditors, for their township.</summary>
    [WolverinePost("/api/notices/audit"), Tags("Notices")]
    public static async Task<NoticeAuditReport> Post(Actor actor, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Auditor);
        return await NoticeAudit.RunAsync(session, actor.Township, ct);
    }
}
