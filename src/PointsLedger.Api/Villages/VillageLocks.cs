using Marten;
using Marten.Services.BatchQuerying;

namespace PointsLedger.Villages;

/// <summary>
/// Closing a month holds the village's lock exclusively. Everything that dates points into a month
/// holds it shared until it commits, and reads the village after taking it: awards run side by side,
/// but none can slip into a month while it closes, nor miss that it has closed. The lock is a
/// transaction-level advisory lock keyed by the village id; a row lock FOR SHARE would do the same but
/// writes a multixact to the row for every concurrent award. Take it after the household locks.
/// </summary>
public static class VillageLocks
{
    private const string Shared = "select pg_advisory_xact_lock_shared(?)::text";

    /// <summary>Holds the village open, then reads it, in the same round trip as the rest of the batch.</summary>
    public static Task<Village?> HoldOpenAndLoad(this IBatchedQuery batch, Guid villageId)
    {
        batch.Query<string>(Shared, KeyOf(villageId));
        return batch.Load<Village>(villageId);
    }

    /// <summary>Holds the village open, then reads it: 404 when there is no such village.</summary>
    public static async Task<Village> HoldOpenAndLoadAsync(this IQuerySession session, Guid villageId, CancellationToken ct)
    {
        await session.QueryAsync<string>(Shared, ct, KeyOf(villageId));
        return await session.LoadVillageAsync(villageId, ct);
    }

    /// <summary>Waits until every transaction holding the village open has finished, and keeps new ones out until this one ends.</summary>
    public static Task<IReadOnlyList<string>> CloseVillageAsync(this IQuerySession session, Guid villageId, CancellationToken ct) =>
        session.QueryAsync<string>("select pg_advisory_xact_lock(?)::text", ct, KeyOf(villageId));

    private static long KeyOf(Guid villageId) => BitConverter.ToInt64(villageId.ToByteArray(), 8);
}
