using Microsoft.AspNetCore.HostFiltering;

namespace PointsLedger.Http;

/// <summary>
/// Where residents reach the public check from a printed sheet's QR code (Notices:PublicBaseUrl). Outside
/// Development it must be configured, with https, so no request's Host header is ever printed on a sheet;
/// unless AllowedHosts names hosts, the app then answers only for that host and for localhost (probes on the node).
/// </summary>
public static class PublicAddress
{
    public static void RequireLedgerPublicAddress(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment()) return;
        var configured = builder.Configuration["Notices:PublicBaseUrl"];
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var address) || address.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException(
                "Notices:PublicBaseUrl is required outside Development: the https:// address printed sheets' QR codes open (deploy/README.md).");
        }
        if (builder.Configuration["AllowedHosts"] is null or "*")
        {
            builder.Services.Configure<HostFilteringOptions>(options => options.AllowedHosts = [address.Host, "localhost", "127.0.0.1", "[::1]"]);
        }
    }
}
