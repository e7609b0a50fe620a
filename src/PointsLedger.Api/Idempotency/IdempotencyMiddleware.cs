using JasperFx;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Problems;

namespace PointsLedger.Idempotency;

/// <summary>
/// Replays the stored first response when a request comes again with the same Idempotency-Key and
/// body, refuses the key with another body, and otherwise hands the key to the endpoint, which
/// stores its response with <see cref="Idempotency.Remember"/> in its own transaction.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IQuerySession session)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.Headers.TryGetValue(IdempotencyKey.Header, out var values)
            || context.User.FindFirst(LedgerClaims.Subject)?.Value is not { } callerId)
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > IdempotencyKey.MaxLength)
        {
            await Problem.WriteAsync(context, Problem.For("validation-failed", 400));
            return;
        }

        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        context.Request.Body.Position = 0;
        var request = IdempotencyKey.For(callerId, key, context.Request.Method, context.Request.Path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));

        if (await session.LoadAsync<IdempotentResponse>(request.RecordId, context.RequestAborted) is { } earlier)
        {
            await Answer(context, earlier, request);
            return;
        }

        context.Features.Set(request);
        try
        {
            await next(context);
        }
        catch (DocumentAlreadyExistsException e) when (e.DocType == typeof(IdempotentResponse) && !context.Response.HasStarted)
        {
            // The same key was in flight in parallel and committed first: answer as it did.
            var winner = await session.LoadAsync<IdempotentResponse>(request.RecordId, context.RequestAborted);
            await Answer(context, winner!, request);
        }
    }

    private static async Task Answer(HttpContext context, IdempotentResponse earlier, IdempotencyKey request)
    {
        if (earlier.RequestHash != request.RequestHash)
        {
            await Problem.WriteAsync(context, Problem.For("idempotency-key-reused", 422));
            return;
        }
        context.Response.StatusCode = earlier.StatusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers["Idempotent-Replayed"] = "true";
        await context.Response.WriteAsync(earlier.Body, context.RequestAborted);
    }
}
