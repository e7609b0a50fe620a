using Marten;

namespace PointsLedger.Imports;

/// <summary>What one kind of import does with a chunk of rows, in the chunk's session: decides each row, and on a commit appends what it decided.</summary>
public interface IImportRows
{
    /// <summary>Reads, once before the first chunk, what the rows are compared with.</summary>
    Task PrepareAsync(IQuerySession session, CancellationToken ct) => Task.CompletedTask;

    Task<IReadOnlyList<RowResult>> ApplyAsync(IDocumentSession session, IReadOnlyList<SheetRow> rows, HeaderRow header, CancellationToken ct);
}
