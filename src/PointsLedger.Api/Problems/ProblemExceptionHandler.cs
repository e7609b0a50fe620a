using System.Globalization;
using System.Text.Json;
using FluentValidation;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace PointsLedger.Problems;

/// <summary>Turns every failure into problem details; a failed request has committed nothing.</summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Unique indexes guard what a decision checked but a racing request may have claimed first.</summary>
    private static readonly Dictionary<string, ProblemCode> UniqueIndexCodes = new()
    {
        [UniqueIndexes.VillageCode] = ProblemCodes.VillageCodeTaken,
        [UniqueIndexes.HouseholdNumber] = ProblemCodes.HouseholdNumberTaken,
        [UniqueIndexes.StaffLogin] = ProblemCodes.LoginTaken,
        [UniqueIndexes.IdNumberClaim] = ProblemCodes.IdNumberTaken,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = Map(exception);
        if (exception is Refusal { Status: >= 500 } refusal)
        {
            logger.LogWarning("{Path} answered {Status} {Code}: {Detail}", context.Request.Path, refusal.Status, refusal.Code,
                refusal.Problem.Detail(refusal.Args, CultureInfo.InvariantCulture));
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("{Path} answered 503: the database is unreachable ({Failure})", context.Request.Path, exception.GetBaseException().Message);
            context.Response.Headers.RetryAfter = "5";
        }
        else if (problem.Status >= 500) logger.LogError(exception, "Unhandled failure on {Path}", context.Request.Path);
        await Problem.WriteAsync(context, problem);
        return true;
    }

    /// <summary>The problem a failure answers with.</summary>
    public static ProblemDetails Map(Exception exception) => exception switch
    {
        Refusal refusal => Problem.For(refusal),
        ValidationException validation => Problem.Validation(validation.Errors),
        BadHttpRequestException { InnerException: JsonException } or JsonException => Problem.For(ProblemCodes.MalformedRequest),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem.For(ProblemCodes.RequestTooLarge),
        BadHttpRequestException bad => Problem.For(ProblemCodes.MalformedRequest with { Status = bad.StatusCode }),
        InvalidDataException => Problem.For(ProblemCodes.MalformedRequest),
        _ when UniqueViolation(exception) is { } index => Problem.For(UniqueIndexCodes.GetValueOrDefault(index, ProblemCodes.ConcurrencyConflict)),
        ConcurrencyException or Marten.Exceptions.StreamLockedException or Marten.Exceptions.ExistingStreamIdCollisionException
            => Problem.For(ProblemCodes.ConcurrencyConflict),
        _ when PostgresError(exception) is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
            => Problem.For(ProblemCodes.ConcurrencyConflict),
        _ when exception.InnerException is { } inner && inner is Refusal or ValidationException or ConcurrencyException => Map(inner),
        _ when DatabaseUnreachable(exception) => Problem.For(ProblemCodes.DatabaseUnavailable),
        _ => Problem.For(ProblemCodes.ServerError),
    };

    /// <summary>
    /// The database is down or restarting, not refusing this request: the connection is refused, broken or
    /// timed out (an <see cref="NpgsqlException"/> that is no server error), or the server says it is shutting
    /// down or starting (SQLSTATE classes 57P and 08). A retry with the same Idempotency-Key is safe.
    /// </summary>
    private static bool DatabaseUnreachable(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is PostgresException pg) return pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal);
            if (exception is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException) return true;
        }
        return false;
    }

    private static string? UniqueViolation(Exception exception) =>
        Postgres(exception) is { SqlState: PostgresErrorCodes.UniqueViolation } pg ? pg.ConstraintName ?? "" : null;

    private static string? PostgresError(Exception exception) => Postgres(exception)?.SqlState;

    private static PostgresException? Postgres(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is PostgresException pg) return pg;
        }
        return null;
    }
}
