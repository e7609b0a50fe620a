using Marten;
using PointsLedger.Evidence;
using PointsLedger.Http;
using PointsLedger.Idempotency;
using PointsLedger.Imports;
using PointsLedger.Redemptions;
using PointsLedger.Residents;

namespace PointsLedger.Housekeeping;

/// <summary>
/// Nightly: forgets what can no longer matter, so these tables do not grow for ever: used payment
/// tokens and one-time codes past their expiry (nobody can present them any more) once their day's budget is over, and the answers
/// kept for Idempotency-Keys after <c>Idempotency:KeepDays</c> (7) days, long after any client retries, and
/// so are photos uploaded but given to no award or claim in that time.
/// </summary>
public sealed record PurgeStaleRecords;

public static class PurgeStaleRecordsHandler
{
    public static void Handle(PurgeStaleRecords _, IDocumentSession session, TimeProvider clock, IConfiguration configuration)
    {
        var now = clock.GetUtcNow();
        var answersBefore = now.AddDays(-configuration.GetValue("Idempotency:KeepDays", 7));
        session.DeleteWhere<UsedPaymentToken>(token => token.ExpiresAt < now);
        var today = clock.Today();
        session.DeleteWhere<OneTimeCode>(code => code.ExpiresAt < now && (code.Day == null || code.Day < today));
        session.DeleteWhere<IdempotentResponse>(answer => answer.RecordedAt < answersBefore);
        ImportFiles.ForgetBefore(session, answersBefore);
        EvidenceImages.ForgetUnattachedBefore(session, answersBefore);
    }
}
