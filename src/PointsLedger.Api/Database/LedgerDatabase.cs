using PointsLedger.EmbeddedPostgres;

namespace PointsLedger.Database;

public static class LedgerDatabase
{
    public const string ConnectionStringName = "PointsLedger";

    /// <summary>
    /// The configured connection string, or else an embedded cluster the app creates in a folder it
    /// owns (EmbeddedPostgres:DataDirectory, default .data/postgres), reuses, and stops on exit.
    /// </summary>
    public static string ResolveConnectionString(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        var section = builder.Configuration.GetSection("EmbeddedPostgres");
        var options = new ClusterOptions(
            Path.GetFullPath(section["DataDirectory"] ?? Path.Combine(builder.Environment.ContentRootPath, ".data", "postgres")),
            section.GetValue("Port", 54329))
        {
            BinDirectory = section["BinDirectory"],
        };
        var cluster = LocalCluster.StartAsync(options).GetAwaiter().GetResult();
        builder.Services.AddHostedService(services => new EmbeddedClusterLifetime(cluster, options, services.GetRequiredService<ILogger<LocalCluster>>()));
        return cluster.ConnectionString;
    }

    /// <summary>Registered before Marten and Wolverine, so it stops last: after them, on shutdown.</summary>
    private sealed class EmbeddedClusterLifetime(LocalCluster cluster, ClusterOptions options, ILogger logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogInformation("Embedded PostgreSQL on 127.0.0.1:{Port}, data in {DataDirectory}", options.Port, options.DataDirectory);
            return Task.CompletedTask;
        }

        public async Task StopAsync(CancellationToken cancellationToken) => await cluster.DisposeAsync();
    }
}
