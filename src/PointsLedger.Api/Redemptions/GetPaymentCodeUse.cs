using Marten;
using PointsLedger.Auth;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Redemptions;

/// <param name="RedemptionId">The redemption the code paid, once a clerk has used it: its receipt is <c>GET /api/redemptions/{redemptionId}</c>.</param>
public sealed record PaymentCodeUse(Guid CodeId, Guid? RedemptionId);

public static class GetPaymentCodeUseEndpoint
{
    /// <summary>付款码是否已被使用：已使用时给出兑换编号。Another household's code reads as unused.</summary>
    [WolverineGet("/api/me/payment-codes/{codeId}"), Tags("Me")]
    public static async Task<PaymentCodeUse> Get(Guid codeId, Actor actor, IQuerySession session, CancellationToken ct)
    {
        var householdId = actor.MustBe(Roles.Resident).HouseholdId ?? throw new Refusal(ProblemCodes.Forbidden);
        var used = await session.LoadAsync<UsedPaymentToken>(codeId, ct);
        return new PaymentCodeUse(codeId, used is not null && used.HouseholdId == householdId ? used.RedemptionId : null);
    }
}
