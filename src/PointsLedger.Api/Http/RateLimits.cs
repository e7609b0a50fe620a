using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.JsonWebTokens;
using System.Globalization;
using System.Threading.RateLimiting;
using PointsLedger.Problems;

namespace PointsLedger.Http;

/// <summary>
/// Per-client limits on what attackers repeat: signing in, one-time codes and public notice
/// verification per address, redemptions, quotes, objections and photos per signed-in caller. Over the limit: 429 with Retry-After and a problem body.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string OneTimeCode = "one-time-code";
    public const string Redemption = "redemption";
    public const string Verify = "verify";
    public const string DevToken = "dev-token";
    public const string Objection = "objection";
    public const string Photo = "photo";

    public static void AddLedgerRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(options =>
        {
            PerMinute(options, configuration, SignIn, "SignInPerMinute", 10, ByAddress);
            PerMinute(options, configuration, OneTimeCode, "CodesPerMinute", 3, ByAddress);
            PerMinute(options, configuration, Redemption, "RedemptionsPerMinute", 60, ByCaller);
            PerMinute(options, configuration, Verify, "VerificationsPerMinute", 30, ByAddress);
            PerMinute(options, configuration, DevToken, "DevTokensPerMinute", 120, ByAddress);
            PerMinute(options, configuration, Objection, "ObjectionsPerMinute", 10, ByCaller);
            PerMinute(options, configuration, Photo, "PhotosPerMinute", 30, ByCaller);
            options.OnRejected = async (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                await Problem.WriteAsync(rejected.HttpContext, Problem.For(ProblemCodes.TooManyRequests));
            };
        });
    }

    /// <summary>A fixed one-minute window per partition; the limit comes from RateLimits:{setting}.</summary>
    private static void PerMinute(
        RateLimiterOptions options, IConfiguration configuration, string policy, string setting, int defaultLimit, Func<HttpContext, string> partition)
    {
        var limit = configuration.GetValue($"RateLimits:{setting}", defaultLimit);
        options.AddPolicy(policy, context => RateLimitPartition.GetFixedWindowLimiter(partition(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    private static string ByAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string ByCaller(HttpContext context) => context.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? ByAddress(context);
}
