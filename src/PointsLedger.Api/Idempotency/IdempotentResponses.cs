using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace PointsLedger.Idempotency;

public static class IdempotentResponses
{
    /// <summary>
    /// Stores the response for the request's Idempotency-Key, if it has one, in the session that
    /// commits the request's events. A racing duplicate fails on the primary key and commits nothing.
    /// </summary>
    public static T Remember<T>(HttpContext context, IDocumentSession session, int statusCode, T response)
    {
        if (context.Features.Get<IdempotencyKey>() is { } key)
        {
            var json = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var clock = context.RequestServices.GetRequiredService<TimeProvider>();
            session.Insert(new IdempotentResponse(key.RecordId, key.RequestHash, statusCode, JsonSerializer.Serialize(response, json),
                (response as CreationResponse)?.Url, clock.GetUtcNow()));
        }
        return response;
    }
}
