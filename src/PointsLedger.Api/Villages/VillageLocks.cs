using Marten;
using Marten.Services.BatchQuerying;

namespace PointsLedger.Villages;

/// <summary>
/// Closing a month takes the village's stream row FOR UPDATE. Everything that dates points into a
/// month holds the same row FOR SHARE until it commits, and reads the village after that: awards run
/// side by side, but none can slip into a month while it closes, nor miss that it has closed.
/// Take it after the household locks, as every caller does, so that no two orders meet.
/// </summary>
public static class VillageLocks
{
    public static Task<IReadOnlyList<string>> HoldVillageOpen(this IBatchedQuery batch, IQuerySession session, Guid villageId) =>
        batch.Query<string>(Sql(session), villageId);

    public static Task<IReadOnlyList<string>> HoldVillageOpenAsync(this IQuerySession session, Guid villageId, CancellationToken ct) =>
        session.QueryAsync<string>(Sql(session), ct, villageId);

    private static string Sql(IQuerySession session) =>
        $"select id::text from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_streams where id = ? for share";
}
