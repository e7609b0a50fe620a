using System.Security.Claims;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.PaymentCodes;

/// <summary>The signing key of payment tokens, from PaymentCodes:SigningKey (generated in Development).</summary>
public sealed record PaymentCodeKey(byte[] Value);

public static class GetPaymentCodeEndpoints
{
    /// <summary>付款码: a QR code the resident shows the clerk; it expires after two minutes. <c>?format=svg</c> for SVG.</summary>
    [WolverineGet("/api/me/qr"), Tags("Me")]
    public static IResult Mine(string? format, ClaimsPrincipal user, PaymentCodeKey key, TimeProvider clock)
    {
        var householdId = Actor.From(user).MustBe(Roles.Resident).HouseholdId ?? throw Refusal.Forbidden("forbidden");
        return Render(householdId, format, key, clock);
    }

    /// <summary>The same for a household, for whoever may read it (a cadre helping a resident at the counter).</summary>
    [WolverineGet("/api/households/{householdId}/qr"), Tags("Households")]
    public static async Task<IResult> ForHousehold(
        Guid householdId, string? format, ClaimsPrincipal user, IQuerySession session, PaymentCodeKey key, TimeProvider clock, CancellationToken ct)
    {
        var actor = Actor.From(user).MustBe(Roles.Admin, Roles.Cadre, Roles.Approver, Roles.Resident);
        await session.LoadForReaderAsync(householdId, actor, ct);
        return Render(householdId, format, key, clock);
    }

    private static IResult Render(Guid householdId, string? format, PaymentCodeKey key, TimeProvider clock) =>
        PaymentCodeImages.Render(new PaymentToken(householdId, Guid.NewGuid(), clock.GetUtcNow() + PaymentToken.Lifetime).Sign(key.Value), format);
}
