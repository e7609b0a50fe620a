using System.Globalization;
using System.Threading.RateLimiting;
using PointsLedger.Problems;

namespace PointsLedger.Http;

/// <summary>
/// Per-client limits on what attackers repeat: signing in (later also one-time codes and
/// redemptions). Over the limit: 429 with Retry-After and a problem body.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string OneTimeCode = "one-time-code";

    public static void AddLedgerRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var codesPerMinute = configuration.GetValue("RateLimits:CodesPerMinute", 3);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(OneTimeCode, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = codesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                await Problem.WriteAsync(rejected.HttpContext, Problem.For("too-many-requests", StatusCodes.Status429TooManyRequests));
            };
        });
    }
}
