using PointsLedger.Auth;
using PointsLedger.Problems;

namespace PointsLedger.Imports;

public enum ImportKind
{
    /// <summary>The household roster (户籍花名册): one row per household, and a row per member below it.</summary>
    Households,
    /// <summary>A paper ledger (纸质台账): one row per award or deduction.</summary>
    Awards,
}

public enum ImportStatus
{
    Running,
    Done,
    Failed,
}

/// <summary>An uploaded sheet, named by its SHA-256 in the audit trail; <see cref="Uploader"/> is who every row is recorded by.</summary>
public sealed record ImportUploaded(
    Guid ImportId, Guid VillageId, ImportKind Kind, bool DryRun, bool ConfirmDuplicates, string FileName, string Sha256, long Bytes, Actor Uploader);

public sealed record ImportFinished(Guid ImportId, int Rows, int Created, int Unchanged, int Refused, int Warnings);

public sealed record ImportFailed(Guid ImportId, string Code, string[] Args);

/// <summary>One import: its own stream, from the upload to its end.</summary>
public sealed record Import(
    Guid Id, Guid VillageId, ImportKind Kind, bool DryRun, bool ConfirmDuplicates, string FileName, string Sha256, Actor Uploader, ImportStatus Status)
{
    public string? FailureCode { get; init; }

    public string[] FailureArgs { get; init; } = [];

    public static Import Create(ImportUploaded e) =>
        new(e.ImportId, e.VillageId, e.Kind, e.DryRun, e.ConfirmDuplicates, e.FileName, e.Sha256, e.Uploader, ImportStatus.Running);

    public Import Apply(ImportFinished e) => this with { Status = ImportStatus.Done };

    public Import Apply(ImportFailed e) => this with { Status = ImportStatus.Failed, FailureCode = e.Code, FailureArgs = e.Args };
}

public enum RowStatus
{
    Created,
    Unchanged,
    Refused,
    Warning,
}

/// <summary>What became of one row: a problem code and its arguments, worded in the reader's language when shown.</summary>
public sealed record RowResult(int Row, RowStatus Status, string? Code, string[] Args, string? HouseholdNo)
{
    /// <summary>Rows the cadre looks at rather than fixes: recorded nothing, refused nothing.</summary>
    private static readonly ProblemCode[] Warnings = [ProblemCodes.HouseholdDiffers, ProblemCodes.LooksLikeDuplicate];

    public static RowResult Of(int row, Refusal refusal, string? householdNo) => new(row,
        Warnings.Contains(refusal.Problem) ? RowStatus.Warning : RowStatus.Refused, refusal.Code,
        ArgsOf(refusal), householdNo);

    public static string[] ArgsOf(Refusal refusal) =>
        refusal.Args.Select(arg => Convert.ToString(arg, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray();
}

/// <summary>
/// How far an import is, written with each chunk of rows it commits: a restarted import starts after
/// <see cref="Processed"/> rows. <see cref="Counts"/> holds how many rows ended how.
/// </summary>
public sealed record ImportProgress(Guid Id, int Rows, int Processed, IReadOnlyDictionary<RowStatus, int> Counts, IReadOnlyList<string> UnknownColumns)
{
    public int Count(RowStatus status) => Counts.GetValueOrDefault(status);

    public ImportProgress After(IReadOnlyList<RowResult> chunk) => this with
    {
        Processed = Processed + chunk.Count,
        Counts = Enum.GetValues<RowStatus>().ToDictionary(status => status, status => Count(status) + chunk.Count(r => r.Status == status)),
    };
}

/// <summary>What became of one chunk's rows: a document per chunk, so a long import writes each row's result once.</summary>
public sealed record ImportChunk(string Id, Guid ImportId, int Index, IReadOnlyList<RowResult> Results)
{
    public static string IdFor(Guid importId, int index) => $"{importId:N}/{index:D5}";
}
