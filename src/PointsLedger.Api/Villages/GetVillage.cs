using Marten;
using PointsLedger.Auth;
using Wolverine.Http;

namespace PointsLedger.Villages;

public static class GetVillageEndpoint
{
    /// <summary>The village and its rule catalogue.</summary>
    [WolverineGet("/api/villages/{villageId}"), Tags("Villages")]
    public static async Task<Village> Get(Guid villageId, Actor actor, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Auditor, Roles.Cadre, Roles.Approver).MustActIn(villageId);
        var village = await session.LoadVillageAsync(villageId, ct);
        actor.MustActIn(village);
        return village;
    }
}
