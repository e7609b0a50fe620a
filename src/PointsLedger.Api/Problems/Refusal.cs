namespace PointsLedger.Problems;

/// <summary>
/// A request the ledger refuses: thrown by a decision before anything is appended, so the
/// transaction never commits. <see cref="Code"/> is the machine-readable problem code.
/// </summary>
public sealed class Refusal(string code, int status, params object[] args) : Exception(code)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
    public object[] Args { get; } = args;

    /// <summary>Extra members for the problem body, such as per-household failures of a batch.</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();

    public static Refusal NotFound(string code, Guid id) => new(code, 404, id);
    public static Refusal Conflict(string code, params object[] args) => new(code, 409, args);
    public static Refusal Unprocessable(string code, params object[] args) => new(code, 422, args);
    public static Refusal Forbidden(string code, params object[] args) => new(code, 403, args);
}
