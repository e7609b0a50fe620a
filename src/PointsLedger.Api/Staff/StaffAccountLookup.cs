using JasperFx.Events;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Problems;

namespace PointsLedger.Staff;

public static class StaffAccountLookup
{
    /// <summary>The account's stream, locked until the request commits; a township's admin manages only that township's accounts.</summary>
    public static async Task<IEventStream<StaffAccount>> FetchAccountAsync(this IDocumentSession session, Guid accountId, Actor admin, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<StaffAccount>(accountId, ct);
        if (stream.Aggregate is not { } account || (admin.Township is not null && account.Township != admin.Township))
        {
            throw new Refusal(ProblemCodes.StaffNotFound, accountId);
        }
        return stream;
    }
}
