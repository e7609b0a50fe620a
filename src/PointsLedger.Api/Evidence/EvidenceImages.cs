using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace PointsLedger.Evidence;

/// <summary>The photos' JPEG bytes, as bytea in a table of their own: stored once each, as large as the JPEG.</summary>
public static class EvidenceImages
{
    public static Table Table()
    {
        var table = new Table(new PostgresqlObjectName("ledger", "evidence_images", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("id").AsPrimaryKey();
        table.AddColumn("jpeg", "bytea").NotNull();
        return table;
    }

    /// <summary>Written in the session's transaction, with the photo's document; a photo kept already is left as it is.</summary>
    public static void Save(IDocumentSession session, string id, byte[] jpeg) =>
        session.QueueSqlCommand("insert into ledger.evidence_images (id, jpeg) values (?, ?) on conflict (id) do nothing", id, jpeg);

    /// <summary>Photos uploaded but taken by no award or claim before <paramref name="before"/>: nobody will name them now.</summary>
    public static void ForgetUnattachedBefore(IDocumentSession session, DateTimeOffset before)
    {
        const string unattached = "jsonb_array_length(coalesce(d.data -> 'accountIds', '[]'::jsonb)) = 0 and (d.data ->> 'uploadedAt')::timestamptz < ?";
        session.QueueSqlCommand($"delete from ledger.evidence_images i using ledger.mt_doc_evidencephoto d where d.id = i.id and {unattached}", before);
        session.QueueSqlCommand($"delete from ledger.mt_doc_evidencephoto d where {unattached}", before);
    }

    public static async Task<byte[]?> LoadAsync(IQuerySession session, string id, CancellationToken ct)
    {
        await using var connection = session.DocumentStore.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select jpeg from ledger.evidence_images where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync(ct) as byte[];
    }
}
