using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PointsLedger.Http;

/// <summary>
/// Behind a reverse proxy, the client's address (what the rate limits count by) comes from X-Forwarded-For,
/// trusted only from the proxies listed in ForwardedHeaders:KnownProxies. With none listed the headers are
/// never read: ASP.NET would otherwise believe them from anyone once its own default list is cleared.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static void UseLedgerForwardedHeaders(this WebApplication app)
    {
        var proxies = app.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        if (proxies.Length == 0) return;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        app.UseForwardedHeaders(options);
    }
}
