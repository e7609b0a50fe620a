using Marten;
using PointsLedger.Auth;
using Wolverine.Http;

namespace PointsLedger.Households;

public static class GetHouseholdEndpoints
{
    /// <summary>农户信息：户主、成员、积分；姓名与电话按查看者的权限脱敏。</summary>
    [WolverineGet("/api/households/{householdId}"), Tags("Households")]
    public static async Task<HouseholdView> Get(Guid householdId, Actor actor, IQuerySession session, CancellationToken ct)
    {
        var reader = actor;
        return HouseholdView.For(await session.LoadForReaderAsync(householdId, reader, ct), reader);
    }

    /// <summary>可用积分与累计积分，按颜色。</summary>
    [WolverineGet("/api/households/{householdId}/balance"), Tags("Households")]
    public static async Task<Balance> GetBalance(Guid householdId, Actor actor, IQuerySession session, CancellationToken ct)
    {
        var household = await session.LoadForReaderAsync(householdId, actor, ct);
        return new Balance(household.Id, household.Kind, household.Available, household.Earned);
    }

    /// <summary>可用积分与累计积分：any account's, a household's or an individual's.</summary>
    [WolverineGet("/api/accounts/{accountId}/balance"), Tags("Accounts")]
    public static Task<Balance> GetAccountBalance(Guid accountId, Actor actor, IQuerySession session, CancellationToken ct) =>
        GetBalance(accountId, actor, session, ct);
}
