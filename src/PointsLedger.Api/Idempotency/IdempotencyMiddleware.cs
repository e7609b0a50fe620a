using Marten;
using PointsLedger.Auth;
using PointsLedger.Problems;

namespace PointsLedger.Idempotency;

/// <summary>
/// Gives a request with an Idempotency-Key the first answer to that key. The endpoint stores its
/// answer with <see cref="IdempotentResponses.Remember"/> in the transaction of its events. A request seen
/// before therefore fails: on the stored answer's primary key if it decided again, or with the
/// refusal that the first request's effects now cause. Only then is the stored answer looked up,
/// and replayed for the same body or refused for another. First attempts never pay for the lookup.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
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
            await Problem.WriteAsync(context, Problem.Validation(
                [new FluentValidation.Results.ValidationFailure(IdempotencyKey.Header, $"1–{IdempotencyKey.MaxLength} characters")]));
            return;
        }

        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        context.Request.Body.Position = 0;
        var request = IdempotencyKey.For(callerId, key, context.Request.Method, context.Request.Path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));

        context.Features.Set(request);
        try
        {
            await next(context);
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            var session = context.RequestServices.GetRequiredService<IQuerySession>();
            var earlier = await session.LoadAsync<IdempotentResponse>(request.RecordId, context.RequestAborted);
            if (earlier is null) throw;
            await Answer(context, earlier, request);
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
        if (earlier.Location is not null) context.Response.Headers.Location = earlier.Location;
        await context.Response.WriteAsync(earlier.Body, context.RequestAborted);
    }
}
