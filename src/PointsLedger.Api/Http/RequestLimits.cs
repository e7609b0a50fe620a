using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using PointsLedger.Problems;

namespace PointsLedger.Http;

/// <summary>A route that takes an uploaded file: its body may be as large as the upload limit, not 1 MB.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UploadAttribute : Attribute;

/// <summary>
/// No request body over 1 MB: the largest real one, a 2,000-household batch, is about 80 KB. Uploads may
/// carry twice the upload limit, so that a file just over it reaches its route and is refused there by name.
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 1024 * 1024;

    public static void AddRequestLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxBodyBytes);

    /// <summary>Refuses a declared oversized body before anything reads it; Kestrel's limit stops undeclared ones.</summary>
    public static void UseRequestLimits(this WebApplication app, long uploadBytes) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<UploadAttribute>() is null ? MaxBodyBytes : 2 * uploadBytes;
            if (context.Request.ContentLength > limit)
            {
                await Problem.WriteAsync(context, Problem.For(ProblemCodes.RequestTooLarge));
                return;
            }
            if (limit != MaxBodyBytes && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
            await next(context);
        });
}
