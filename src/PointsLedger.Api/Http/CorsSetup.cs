namespace PointsLedger.Http;

/// <summary>Browsers may call the API only from the origins configured in Cors:Origins (the mini-app, the web clients).</summary>
public static class CorsSetup
{
    public static void AddLedgerCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST")
            .WithHeaders("Authorization", "Content-Type", "Accept-Language", "Idempotency-Key", "X-Correlation-ID")
            .WithExposedHeaders("Location", "Retry-After", "Idempotent-Replayed")));
    }
}
