using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Http;

/// <summary>
/// Wolverine's Validate convention with FluentValidation: shape only (lengths, formats, ranges),
/// checked before anything is loaded. Every failing field is listed; a body of JSON <c>null</c>, which
/// deserializes to no command at all, is a malformed request.
/// </summary>
public static class CommandShape
{
    public static ProblemDetails Check<T, TValidator>(T? request) where TValidator : IValidator<T>, new()
    {
        if (request is null) return Problems.Problem.For(ProblemCodes.MalformedRequest);
        var result = Cached<T, TValidator>.Validator.Validate(request);
        return result.IsValid ? WolverineContinue.NoProblems : Problems.Problem.Validation(result.Errors);
    }

    private static class Cached<T, TValidator> where TValidator : IValidator<T>, new()
    {
        public static readonly TValidator Validator = new();
    }
}
