using System.Text.RegularExpressions;

namespace PointsLedger.Problems;

/// <summary>
/// Gives problems written by the framework itself (unreadable JSON, unknown routes, wrong methods or
/// content types, empty error responses turned into problems by status code pages) our code and language.
/// </summary>
public static partial class FrameworkProblems
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code")) return;

        var code = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ProblemCodes.MalformedRequest,
            StatusCodes.Status404NotFound => ProblemCodes.NotFound,
            StatusCodes.Status405MethodNotAllowed => ProblemCodes.MethodNotAllowed,
            StatusCodes.Status406NotAcceptable => ProblemCodes.NotAcceptable,
            StatusCodes.Status413PayloadTooLarge => ProblemCodes.RequestTooLarge,
            StatusCodes.Status415UnsupportedMediaType => ProblemCodes.UnsupportedMediaType,
            _ => null,
        };
        if (code is null) return;

        var localized = Problem.For(code);
        if (code == ProblemCodes.MalformedRequest && JsonPath().Match(problem.Detail ?? "") is { Success: true } path
            && path.Groups[1].Value.TrimStart('$', '.') is { Length: > 0 } field)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [localized.Detail!] };
        }
        problem.Type = localized.Type;
        problem.Title = localized.Title;
        problem.Detail = localized.Detail;
        problem.Extensions["code"] = code.Code;
        problem.Extensions.Remove("lineNumber");
        problem.Extensions.Remove("bytePositionInLine");
    }

    [GeneratedRegex(@"Path: (\S+)")]
    private static partial Regex JsonPath();
}
