namespace PointsLedger.Problems;

/// <summary>
/// A request the ledger refuses: thrown by a decision before anything is appended, so the
/// transaction never commits. <see cref="Problem"/> says which rule, with what status and text.
/// </summary>
public sealed class Refusal(ProblemCode problem, params object[] args) : Exception(problem.Code)
{
    public ProblemCode Problem { get; } = problem;
    public string Code => Problem.Code;
    public int Status => Problem.Status;
    public object[] Args { get; } = args;

    /// <summary>Extra members for the problem body, such as per-household failures of a batch.</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();
}
