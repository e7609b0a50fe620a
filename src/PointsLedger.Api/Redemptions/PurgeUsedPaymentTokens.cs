using Marten;

namespace PointsLedger.Redemptions;

/// <summary>Nightly: forgets used payment tokens that have expired, which no scan can present any more.</summary>
public sealed record PurgeUsedPaymentTokens;

public static class PurgeUsedPaymentTokensHandler
{
    public static void Handle(PurgeUsedPaymentTokens _, IDocumentSession session, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        session.DeleteWhere<UsedPaymentToken>(token => token.ExpiresAt < now);
    }
}
