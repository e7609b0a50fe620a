namespace PointsLedger.Http;

public static class SecurityHeaders
{
    /// <summary>
    /// Headers browsers honour for every response; API responses also forbid loading anything,
    /// since they are data; the printable pages under /api (household cards) get their inline styles
    /// and nothing else (Swagger UI, a page, is left its scripts). Set as the response
    /// starts, because the exception handler clears headers before it writes a problem.
    /// </summary>
    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    var printable = context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true;
                    headers.ContentSecurityPolicy = printable
                        ? "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
                        : "default-src 'none'; frame-ancestors 'none'";
                    headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
}
