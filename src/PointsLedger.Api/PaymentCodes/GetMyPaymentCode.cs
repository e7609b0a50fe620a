using Marten;
using PointsLedger.Auth;
using PointsLedger.Printing;
using PointsLedger.Problems;
using PointsLedger.Redemptions;
using Wolverine.Http;

namespace PointsLedger.PaymentCodes;

/// <param name="CodeId">Ask <c>GET /api/me/payment-codes/{codeId}</c> whether a clerk has used this code.</param>
/// <param name="Image">The QR code as a PNG data URL, to show as it is.</param>
public sealed record PaymentCode(Guid CodeId, DateTimeOffset ExpiresAt, string Token, string Image);

/// <param name="RedemptionId">The redemption the code paid, once a clerk has used it: its receipt is <c>GET /api/redemptions/{redemptionId}</c>.</param>
public sealed record PaymentCodeUse(Guid CodeId, Guid? RedemptionId);

/// <summary>The resident's page: a payment code with its expiry, and whether it has paid yet.</summary>
public static class GetMyPaymentCodeEndpoints
{
    /// <summary>付款码（页面用）：二维码图片、有效期，以及用来查询是否已被扫码的编号。</summary>
    [WolverineGet("/api/me/payment-code"), Tags("Me")]
    public static PaymentCode Current(Actor actor, PaymentCodeKey key, TimeProvider clock, HttpResponse response)
    {
        var householdId = actor.MustBe(Roles.Resident).HouseholdId ?? throw new Refusal(ProblemCodes.Forbidden);
        // The token carries whole seconds: the page counts down to the moment the clerk's check uses.
        var token = new PaymentToken(householdId, Guid.NewGuid(), DateTimeOffset.FromUnixTimeSeconds((clock.GetUtcNow() + PaymentToken.Lifetime).ToUnixTimeSeconds()));
        var signed = token.Sign(key.Value);
        response.Headers.CacheControl = "no-store";
        return new PaymentCode(token.Nonce, token.ExpiresAt, signed, $"data:image/png;base64,{Convert.ToBase64String(PaymentCodeImages.Png(signed))}");
    }

    /// <summary>付款码是否已被使用：已使用时给出兑换编号。</summary>
    [WolverineGet("/api/me/payment-codes/{codeId}"), Tags("Me")]
    public static async Task<PaymentCodeUse> Use(Guid codeId, Actor actor, IQuerySession session, CancellationToken ct)
    {
        var householdId = actor.MustBe(Roles.Resident).HouseholdId ?? throw new Refusal(ProblemCodes.Forbidden);
        var used = await session.LoadAsync<UsedPaymentToken>(codeId, ct);
        return new PaymentCodeUse(codeId, used is not null && used.HouseholdId == householdId ? used.RedemptionId : null);
    }
}
