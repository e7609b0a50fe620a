using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace PointsLedger.Problems;

/// <summary>Builds RFC 9457 problem details with a machine-readable code and a localized detail.</summary>
public static class Problem
{
    public static ProblemDetails For(ProblemCode code, params object[] args)
    {
        var problem = new ProblemDetails
        {
            Type = $"https://pointsledger.local/problems/{code.Code}",
            Title = code.Code,
            Status = code.Status,
            Detail = code.Detail(args, CultureInfo.CurrentUICulture),
        };
        problem.Extensions["code"] = code.Code;
        return problem;
    }

    public static ProblemDetails For(Refusal refusal)
    {
        var problem = For(refusal.Problem, refusal.Args);
        foreach (var (key, value) in refusal.Extensions) problem.Extensions[key] = value;
        return problem;
    }

    public static ProblemDetails Validation(IEnumerable<FluentValidation.Results.ValidationFailure> failures)
    {
        var problem = For(ProblemCodes.ValidationFailed);
        problem.Extensions["errors"] = failures
            .GroupBy(f => JsonName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).ToArray());
        return problem;
    }

    public static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? 500;
        return context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    private static string JsonName(string property) =>
        string.Join('.', property.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
