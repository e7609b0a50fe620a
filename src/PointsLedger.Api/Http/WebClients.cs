using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace PointsLedger.Http;

/// <summary>
/// The phone clients (src/PointsLedger.Web), built into the app's folder <c>app/</c> by the project's
/// build: served under /app/ on the API's own origin. A path under /app/ that is not a file is one of the
/// clients' own routes (/app/scan) and gets the page; the file names Vite hashes are cached for a year.
/// </summary>
public static class WebClients
{
    public const string Path = "/app";

    private const string Policy =
        "default-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void AddWebClients(this IServiceCollection services) => services.AddResponseCompression(options =>
    {
        // Only the pages' own files take this path (below), and they hold no secret: compressing them over https is safe.
        options.EnableForHttps = true;
        options.Providers.Add<BrotliCompressionProvider>();
        options.Providers.Add<GzipCompressionProvider>();
    });

    public static void MapWebClients(this WebApplication app)
    {
        var root = System.IO.Path.Combine(AppContext.BaseDirectory, "app");
        if (!File.Exists(System.IO.Path.Combine(root, "index.html")))
        {
            app.Logger.LogWarning("No web clients in {Folder}: build src/PointsLedger.Web (npm run build) to serve them under /app/", root);
            return;
        }
        var files = new PhysicalFileProvider(root);
        // A village's mobile network is slow: the pages' own files go compressed (only they: API answers hold secrets, and BREACH reads compressed secrets).
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), pages => pages.UseResponseCompression());
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Value == Path)
            {
                context.Response.Redirect($"{Path}/");
                return;
            }
            if (context.Request.Path.StartsWithSegments(Path))
            {
                context.Response.Headers.ContentSecurityPolicy = Policy;
                context.Response.Headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
            }
            await next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = Path,
            FileProvider = files,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Path.StartsWithSegments($"{Path}/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        // A client route gets the page; a missing asset stays a 404. Not an endpoint: static files serve only where none matched.
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!request.Path.StartsWithSegments(Path) || request.Path.StartsWithSegments($"{Path}/assets") ||
                !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            {
                await next(context);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"));
        });
    }
}
