using Marten;
using PointsLedger.Problems;

namespace PointsLedger.Idempotency;

/// <summary>
/// Records the attempt a refusal carries, in a transaction of its own once the request's has rolled
/// back, and lets the refusal go on to be answered. A retry of an attempt already answered under its
/// Idempotency-Key records nothing, so a flaky network does not use up a household's card checks.
/// </summary>
public sealed class RefusedAttemptsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Refusal refusal) when (refusal.Attempt is { } attempt)
        {
            var store = context.RequestServices.GetRequiredService<IDocumentStore>();
            if (!await AnsweredBeforeAsync(context, store))
            {
                await using var session = store.LightweightSession();
                session.Events.Append(attempt.StreamId, attempt.Event);
                await session.SaveChangesAsync(context.RequestAborted);
            }
            throw;
        }
    }

    private static async Task<bool> AnsweredBeforeAsync(HttpContext context, IDocumentStore store)
    {
        if (context.Features.Get<IdempotencyKey>() is not { } key) return false;
        await using var session = store.QuerySession();
        return await session.LoadAsync<IdempotentResponse>(key.RecordId, context.RequestAborted) is not null;
    }
}
