using Marten;
using Microsoft.AspNetCore.Authorization;
using PointsLedger.Auth;
using PointsLedger.Problems;

namespace PointsLedger.Idempotency;

/// <summary>
/// Gives a request with an Idempotency-Key the first answer to that key, whatever its status. A
/// success is stored in the transaction of its events (<see cref="IdempotentAnswersPolicy"/>); a
/// refusal, which committed nothing, is stored here once it is known. A request seen before therefore
/// fails: on the stored answer's primary key if it decided again, or with the refusal that the first
/// request's effects now cause. Only then is the stored answer looked up, and replayed for the same
/// body or refused for another. First attempts never pay for the lookup. A conflict with a racing
/// writer is not stored: the same request may succeed when retried. Anonymous routes (sign-in) keep nothing.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    private static async Task<byte[]> BodyAsync(HttpContext context)
    {
        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        context.Request.Body.Position = 0;
        return buffer.ToArray();
    }

    /// <summary>
    /// An upload is the same request when its fields and files are, whatever multipart boundary the
    /// client drew this time; the form is read once (files beyond 64 KB buffer to disk) and the endpoint reads it again.
    /// </summary>
    private static async Task<byte[]> FormDigestAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var (name, value) in form.OrderBy(field => field.Key, StringComparer.Ordinal)) hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{name}={value}\n"));
        foreach (var file in form.Files.OrderBy(file => file.Name, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{file.Name}:{file.FileName}:"));
            await using var content = file.OpenReadStream();
            hash.AppendData(await System.Security.Cryptography.SHA256.HashDataAsync(content, context.RequestAborted));
        }
        return hash.GetHashAndReset();
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || !context.Request.Headers.TryGetValue(IdempotencyKey.Header, out var values)
            || context.User.FindFirst(LedgerClaims.Subject)?.Value is not { } callerId)
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > IdempotencyKey.MaxLength)
        {
            await Problem.WriteAsync(context, Problem.Validation(
                [new FluentValidation.Results.ValidationFailure(IdempotencyKey.Header, $"1–{IdempotencyKey.MaxLength} characters")]));
            return;
        }

        var request = context.Request.HasFormContentType
            ? IdempotencyKey.For(callerId, key, context.Request.Method, context.Request.Path + context.Request.QueryString, await FormDigestAsync(context))
            : IdempotencyKey.For(callerId, key, context.Request.Method, context.Request.Path, await BodyAsync(context));

        context.Features.Set(request);
        try
        {
            await next(context);
        }
        catch (Exception failure) when (!context.Response.HasStarted)
        {
            // What the failed attempt set (a 201 and its Location, say) is not part of the answer.
            context.Response.Clear();
            if (await EarlierAnswerAsync(context, request) is { } earlier)
            {
                await ReplayAsync(context, earlier, request);
                return;
            }
            if (RefusalOf(context, request, failure) is not { } refusal) throw;
            if (await TryStoreAsync(context, refusal)) await WriteAsync(context, refusal);
            else await ReplayAsync(context, (await EarlierAnswerAsync(context, request))!, request);
        }
    }

    private static async Task<IdempotentResponse?> EarlierAnswerAsync(HttpContext context, IdempotencyKey request)
    {
        await using var session = context.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<IdempotentResponse>(request.RecordId, context.RequestAborted);
    }

    /// <summary>The refusal as an answer to keep; none for a server failure or a conflict with a racing writer, which a retry may pass.</summary>
    private static IdempotentResponse? RefusalOf(HttpContext context, IdempotencyKey request, Exception failure)
    {
        var problem = ProblemExceptionHandler.Map(failure);
        if (problem.Status is not (>= 400 and < 500) || problem.Extensions["code"] as string == ProblemCodes.ConcurrencyConflict.Code) return null;
        return IdempotentResponses.Answer(context, request, problem.Status.Value, IdempotentResponses.Json(context, problem), null, "application/problem+json");
    }

    /// <summary>False when a racing request with the same key stored its answer first.</summary>
    private static async Task<bool> TryStoreAsync(HttpContext context, IdempotentResponse answer)
    {
        await using var session = context.RequestServices.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Insert(answer);
        try
        {
            await session.SaveChangesAsync(context.RequestAborted);
            return true;
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    private static async Task ReplayAsync(HttpContext context, IdempotentResponse earlier, IdempotencyKey request)
    {
        if (earlier.RequestHash != request.RequestHash)
        {
            await Problem.WriteAsync(context, Problem.For(ProblemCodes.IdempotencyKeyReused));
            return;
        }
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (earlier.Location is not null) context.Response.Headers.Location = earlier.Location;
        await WriteAsync(context, earlier);
    }

    private static async Task WriteAsync(HttpContext context, IdempotentResponse answer)
    {
        context.Response.StatusCode = answer.StatusCode;
        if (answer.Body.Length == 0) return;
        context.Response.ContentType = answer.ContentType ?? "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }
}
