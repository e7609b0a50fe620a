using System.Globalization;
using System.Threading.RateLimiting;
using PointsLedger.Problems;

namespace PointsLedger.Http;

/// <summary>
/// Per-client limits on what attackers repeat: signing in, one-time codes and public notice
/// verification per address, redemptions and quotes per signed-in caller. Over the limit: 429 with Retry-After and a problem body.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string OneTimeCode = "one-time-code";
    public const string Redemption = "redemption";
    public const string Verify = "verify";
    public const string DevToken = "dev-token";

    public static void AddLedgerRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var codesPerMinute = configuration.GetValue("RateLimits:CodesPerMinute", 3);
        var redemptionsPerMinute = configuration.GetValue("RateLimits:RedemptionsPerMinute", 60);
        var verificationsPerMinute = configuration.GetValue("RateLimits:VerificationsPerMinute", 30);
        var devTokensPerMinute = configuration.GetValue("RateLimits:DevTokensPerMinute", 120);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(OneTimeCode, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = codesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(Redemption, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(Auth.LedgerClaims.Subject)?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = redemptionsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(Verify, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = verificationsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(DevToken, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = devTokensPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
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
