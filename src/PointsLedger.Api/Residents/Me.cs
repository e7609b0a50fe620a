using Marten;
using PointsLedger.Auth;
using PointsLedger.History;
using PointsLedger.Households;
using PointsLedger.Ledger;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Residents;

/// <summary>The signed-in resident's own household, without having to know its id.</summary>
public static class MeEndpoints
{
    /// <summary>本户信息。</summary>
    [WolverineGet("/api/me"), Tags("Me")]
    public static Task<HouseholdView> Get(Actor actor, IQuerySession session, CancellationToken ct) =>
        GetHouseholdEndpoints.Get(OwnHousehold(actor), actor, session, ct);

    /// <summary>本户可用积分与累计积分。</summary>
    [WolverineGet("/api/me/balance"), Tags("Me")]
    public static Task<Balance> GetBalance(Actor actor, IQuerySession session, CancellationToken ct) =>
        GetHouseholdEndpoints.GetBalance(OwnHousehold(actor), actor, session, ct);

    /// <summary>本户积分明细。</summary>
    [WolverineGet("/api/me/ledger"), Tags("Me")]
    public static Task<HouseholdLedger> GetLedger(PointColor? color, Actor actor, IQuerySession session, CancellationToken ct) =>
        GetLedgerEndpoint.Get(OwnHousehold(actor), color, actor, session, ct);

    private static Guid OwnHousehold(Actor actor) =>
        actor.MustBe(Roles.Resident).HouseholdId ?? throw new Refusal(ProblemCodes.Forbidden);
}
