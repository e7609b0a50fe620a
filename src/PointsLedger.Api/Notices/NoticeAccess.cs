using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Notices;

public static class NoticeAccess
{
    /// <summary>
    /// A village's notice is public within the village: its staff and residents, and township roles of
    /// its township. Anyone else is told it does not exist.
    /// </summary>
    public static async Task<Notice> LoadNoticeForAsync(this IQuerySession session, Guid villageId, string month, Actor actor, CancellationToken ct) =>
        await session.MustSeeAsync(await session.LoadAsync<Notice>(Notice.IdFor(villageId, month), ct), villageId, month, actor, ct);

    /// <summary>The same check for a notice already loaded (under its lock, say).</summary>
    public static async Task<Notice> MustSeeAsync(this IQuerySession session, Notice? notice, Guid villageId, string month, Actor actor, CancellationToken ct) =>
        notice is not null && await actor.MayReadNoticesOfAsync(session, villageId, ct) ? notice : throw new Refusal(ProblemCodes.NoticeNotFound, month);

    public static async Task<bool> MayReadNoticesOfAsync(this Actor actor, IQuerySession session, Guid villageId, CancellationToken ct) => actor.Role switch
    {
        Roles.Admin or Roles.Auditor => actor.Township is null || (await session.LoadVillageAsync(villageId, ct)).Township == actor.Township,
        Roles.Cadre or Roles.Approver => actor.VillageId == villageId,
        Roles.Resident => actor.HouseholdId is { } own && (await session.LoadAsync<Household>(own, ct))?.VillageId == villageId,
        _ => false,
    };
}
