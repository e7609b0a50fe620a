using DotNet.Testcontainers.Builders;
using PointsLedger.EmbeddedPostgres;
using Testcontainers.PostgreSql;

namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>
/// The database the tests run against, in this order: POINTSLEDGER_TEST_PG, a Testcontainers
/// PostgreSQL where a Docker engine answers, or a throwaway cluster from the local binaries.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owned;

    private TestDatabase(string connectionString, IAsyncDisposable? owned)
    {
        ConnectionString = connectionString;
        _owned = owned;
    }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("POINTSLEDGER_TEST_PG") is { Length: > 0 } configured)
        {
            return new TestDatabase(configured, null);
        }

        try
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            return new TestDatabase(container.GetConnectionString(), container);
        }
        catch (DockerUnavailableException)
        {
            var folder = Path.Combine(Path.GetTempPath(), $"pointsledger-test-{Guid.NewGuid():N}");
            var cluster = await LocalCluster.StartAsync(new ClusterOptions(folder, FreePort.Find()) { Durable = false });
            return new TestDatabase(cluster.ConnectionString, new ThrowawayCluster(cluster, folder));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null) await _owned.DisposeAsync();
    }


    private sealed class ThrowawayCluster(LocalCluster cluster, string folder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await cluster.DisposeAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
