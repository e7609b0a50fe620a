using Microsoft.AspNetCore.Server.Kestrel.Core;
using PointsLedger.Problems;

namespace PointsLedger.Http;

/// <summary>No request body over 1 MB: the largest real one, a 2,000-household batch, is about 80 KB.</summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 1024 * 1024;

    public static void AddRequestLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxBodyBytes);

    /// <summary>Refuses a declared oversized body before anything reads it; Kestrel's limit stops undeclared ones.</summary>
    public static void UseRequestLimits(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaxBodyBytes)
            {
                await Problem.WriteAsync(context, Problem.For(ProblemCodes.RequestTooLarge));
                return;
            }
            await next(context);
        });
}
