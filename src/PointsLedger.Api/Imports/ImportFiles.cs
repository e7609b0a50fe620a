using System.Data;
using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace PointsLedger.Imports;

/// <summary>
/// The uploaded files, as they came, in a table of their own (bytea): a restarted import reads its file
/// again from here, and the report gives the sheet back from it. Both ways the bytes stream.
/// </summary>
public static class ImportFiles
{
    public static Table Table()
    {
        var table = new Table(new PostgresqlObjectName("ledger", "import_files", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn("content", "bytea").NotNull();
        table.AddColumn("stored_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        return table;
    }

    /// <summary>Files kept past their import's use (re-runs, the report) for as long as answers to retries are; then forgotten.</summary>
    public static void ForgetBefore(IDocumentSession session, DateTimeOffset before) =>
        session.QueueSqlCommand("delete from ledger.import_files where stored_at < ?", before);

    /// <summary>Writes the file in the session's transaction, so the upload and its import commit together.</summary>
    public static async Task SaveAsync(IDocumentSession session, Guid importId, Stream content, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand("insert into ledger.import_files (id, content) values ($1, $2)", (NpgsqlConnection)session.Connection!);
        command.Parameters.Add(new NpgsqlParameter { Value = importId });
        command.Parameters.Add(new NpgsqlParameter { Value = content, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task CopyToAsync(IDocumentStore store, Guid importId, string path, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select content from ledger.import_files where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = importId });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        if (!await reader.ReadAsync(ct)) throw new Problems.Refusal(Problems.ProblemCodes.ImportNotFound, importId);
        await using var file = File.Create(path);
        await using var content = reader.GetStream(0);
        await content.CopyToAsync(file, ct);
    }
}
