using System.Text.RegularExpressions;

namespace PointsLedger.Problems;

/// <summary>Gives problems written by the framework itself (unreadable JSON, unknown routes) our code and language.</summary>
public static partial class FrameworkProblems
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code")) return;

        var code = problem.Status switch
        {
            StatusCodes.Status400BadRequest => "malformed-request",
            StatusCodes.Status404NotFound => "not-found",
            _ => null,
        };
        if (code is null) return;

        var localized = Problem.For(code, problem.Status!.Value);
        if (code == "malformed-request" && JsonPath().Match(problem.Detail ?? "") is { Success: true } path)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [path.Groups[1].Value.TrimStart('$', '.')] = [localized.Detail!] };
        }
        problem.Type = localized.Type;
        problem.Title = localized.Title;
        problem.Detail = localized.Detail;
        problem.Extensions["code"] = code;
        problem.Extensions.Remove("lineNumber");
        problem.Extensions.Remove("bytePositionInLine");
    }

    [GeneratedRegex(@"Path: (\S+)")]
    private static partial Regex JsonPath();
}
