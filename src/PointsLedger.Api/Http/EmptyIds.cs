using PointsLedger.Problems;

namespace PointsLedger.Http;

/// <summary>
/// An id of all zeros (00000000-0000-0000-0000-000000000000) names nothing we ever create (ids are version 7
/// UUIDs): a route that carries one is answered not-found before an endpoint tries to open a stream by it.
/// </summary>
public static class EmptyIds
{
    public static void UseEmptyIdsAsNotFound(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.RouteValues.Values.Any(value => value is string text && Guid.TryParse(text, out var id) && id == Guid.Empty))
            {
                await Problem.WriteAsync(context, Problem.For(ProblemCodes.NotFound));
                return;
            }
            await next(context);
        });
}
