using System.Security.Claims;
using Marten;
using PointsLedger.Auth;

namespace PointsLedger.Audit;

/// <summary>
/// Wolverine middleware on every endpoint that writes: the caller's role goes into each event's
/// headers, next to the user name and correlation id Marten records, so the audit trail can show it.
/// </summary>
public static class ActorRoleHeader
{
    public const string Name = "role";

    public static void Before(ClaimsPrincipal user, IDocumentSession session)
    {
        if (user.FindFirst(LedgerClaims.Role)?.Value is { } role) session.SetHeader(Name, role);
    }
}
