using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PointsLedger.Http;

/// <summary>
/// Behind a reverse proxy, the client's address (what the rate limits count by) comes from X-Forwarded-For,
/// trusted only from the proxies listed in ForwardedHeaders:KnownProxies; from anyone else the header is ignored.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static void AddLedgerForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        });
    }
}
