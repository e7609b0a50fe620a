using Marten;
using Microsoft.AspNetCore.Mvc;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Printing;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.PaymentCodes;

/// <summary>The signing key of payment tokens, from PaymentCodes:SigningKey (generated in Development).</summary>
public sealed record PaymentCodeKey(byte[] Value);

public static class GetPaymentCodeEndpoints
{
    /// <summary>付款码: a QR code the resident shows the clerk; it expires after two minutes. <c>?format=svg</c> for SVG.</summary>
    [WolverineGet("/api/me/qr"), Tags("Me"), ProducesResponseType(typeof(FileResult), 200, "image/png", "image/svg+xml")]
    public static IResult Mine(string? format, Actor actor, PaymentCodeKey key, TimeProvider clock)
    {
        var householdId = actor.MustBe(Roles.Resident).HouseholdId ?? throw new Refusal(ProblemCodes.Forbidden);
        return Render(householdId, format, key, clock);
    }

    /// <summary>
    /// The same for a household: its own signed-in resident, or an admin of its township, whose code is
    /// recorded on the household's ledger with who asked. Village staff never hold a household's wallet.
    /// </summary>
    [WolverineGet("/api/households/{householdId}/qr"), Tags("Households"), ProducesResponseType(typeof(FileResult), 200, "image/png", "image/svg+xml")]
    public static async Task<IResult> ForHousehold(
        Guid householdId, string? format, Actor actor, IDocumentSession session, PaymentCodeKey key, TimeProvider clock, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Resident);
        await session.LoadForReaderAsync(householdId, actor, ct);
        if (actor.Role == Roles.Resident) return Render(householdId, format, key, clock);

        var token = PaymentToken.New(householdId, clock);
        session.Events.Append(householdId, new PaymentCodeIssued(token.Nonce, token.ExpiresAt, actor.Id));
        return PaymentCodeImages.Render(token.Sign(key.Value), format);
    }

    private static IResult Render(Guid householdId, string? format, PaymentCodeKey key, TimeProvider clock) =>
        PaymentCodeImages.Render(PaymentToken.New(householdId, clock).Sign(key.Value), format);
}
