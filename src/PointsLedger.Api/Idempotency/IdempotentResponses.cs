using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace PointsLedger.Idempotency;

/// <summary>Called by <see cref="IdempotentAnswersPolicy"/> at the end of every writing POST, before the commit.</summary>
public static class IdempotentResponses
{
    /// <summary>
    /// Stores the answer for the request's Idempotency-Key, if it has one, in the session that commits
    /// the request's events: 201 with its location for a creation, 200 otherwise. A racing duplicate
    /// fails on the primary key and commits nothing.
    /// </summary>
    public static void Remember<T>(HttpContext context, IDocumentSession session, T answer)
    {
        if (context.Features.Get<IdempotencyKey>() is not { } key) return;
        var json = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var location = (answer as CreationResponse)?.Url;
        Store(context, session, key, location is null ? StatusCodes.Status200OK : StatusCodes.Status201Created, JsonSerializer.Serialize(answer, json), location);
    }

    public static void RememberNoContent(HttpContext context, IDocumentSession session)
    {
        if (context.Features.Get<IdempotencyKey>() is { } key) Store(context, session, key, StatusCodes.Status204NoContent, "", null);
    }

    private static void Store(HttpContext context, IDocumentSession session, IdempotencyKey key, int status, string body, string? location) =>
        session.Insert(new IdempotentResponse(key.RecordId, key.RequestHash, status, body, location,
            context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()));
}
