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
        var (status, location) = answer switch
        {
            CreationResponse created => (StatusCodes.Status201Created, created.Url),
            AcceptResponse accepted => (StatusCodes.Status202Accepted, accepted.Url),
            _ => (StatusCodes.Status200OK, (string?)null),
        };
        session.Insert(Answer(context, key, status, Json(context, answer), location));
    }

    public static void RememberNoContent(HttpContext context, IDocumentSession session)
    {
        if (context.Features.Get<IdempotencyKey>() is { } key) session.Insert(Answer(context, key, StatusCodes.Status204NoContent, "", null));
    }

    /// <summary>An answer to keep, recorded now.</summary>
    public static IdempotentResponse Answer(HttpContext context, IdempotencyKey key, int status, string body, string? location, string? contentType = null) =>
        new(key.RecordId, key.RequestHash, status, body, location, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), contentType);

    /// <summary>The body as the app itself writes JSON, so a replay is the same bytes as the first answer.</summary>
    public static string Json<T>(HttpContext context, T body) =>
        JsonSerializer.Serialize(body, context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
}
