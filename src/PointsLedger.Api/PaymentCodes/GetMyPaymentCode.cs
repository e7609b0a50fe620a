using PointsLedger.Auth;
using PointsLedger.Printing;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.PaymentCodes;

/// <param name="CodeId">Ask <c>GET /api/me/payment-codes/{codeId}</c> whether a clerk has used this code.</param>
/// <param name="Image">The QR code as a PNG data URL, to show as it is.</param>
public sealed record PaymentCode(Guid CodeId, DateTimeOffset ExpiresAt, string Token, string Image);

/// <summary>The resident's page: a payment code with its expiry; whether it has paid is <c>GET /api/me/payment-codes/{codeId}</c> (Redemptions).</summary>
public static class GetMyPaymentCodeEndpoints
{
    /// <summary>付款码（页面用）：二维码图片、有效期，以及用来查询是否已被扫码的编号。</summary>
    [WolverineGet("/api/me/payment-code"), Tags("Me")]
    public static PaymentCode Current(Actor actor, PaymentCodeKey key, TimeProvider clock)
    {
        var householdId = actor.MustBe(Roles.Resident).HouseholdId ?? throw new Refusal(ProblemCodes.Forbidden);
        var token = PaymentToken.New(householdId, clock);
        var signed = token.Sign(key.Value);
        return new PaymentCode(token.Nonce, token.ExpiresAt, signed, $"data:image/png;base64,{Convert.ToBase64String(PaymentCodeImages.Png(signed))}");
    }
}
