using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using PointsLedger.Auth;
using PointsLedger.EmbeddedPostgres;

namespace PointsLedger.Benchmarks;

/// <summary>
/// The API as its own process on real sockets, against a durable PostgreSQL (fsync and synchronous
/// commit on): POINTSLEDGER_BENCH_PG if set, otherwise a fresh local cluster in a temporary folder.
/// It runs as Staging (no development shortcuts); the benchmark signs its own tokens with the key it gives the API.
/// </summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly Process _api;
    private readonly LocalCluster? _cluster;
    private readonly string? _folder;

    private BenchmarkHost(Process api, LocalCluster? cluster, string? folder, Uri address, TokenIssuer tokens, string connectionString)
    {
        ConnectionString = connectionString;
        Tokens = tokens;
        _api = api;
        _cluster = cluster;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public TokenIssuer Tokens { get; }

    /// <summary>The app's database, for what only the database can tell (how much a table grew).</summary>
    public string ConnectionString { get; }

    public static async Task<BenchmarkHost> StartAsync()
    {
        LocalCluster? cluster = null;
        string? folder = null;
        var connectionString = Environment.GetEnvironmentVariable("POINTSLEDGER_BENCH_PG");
        if (string.IsNullOrEmpty(connectionString))
        {
            folder = Path.Combine(Path.GetTempPath(), $"pointsledger-bench-{Guid.NewGuid():N}");
            cluster = await LocalCluster.StartAsync(new ClusterOptions(folder, FreePort.Find()) { Durable = true });
            connectionString = cluster.ConnectionString;
        }

        var signingKey = RandomNumberGenerator.GetBytes(32);
        var address = new Uri($"http://127.0.0.1:{FreePort.Find()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "PointsLedger.Api.dll"), "--urls", address.ToString()])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Staging",
                ["Auth__SigningKey"] = Convert.ToBase64String(signingKey),
                ["PersonalData__IdNumberKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["PaymentCodes__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Notices__PublicBaseUrl"] = "https://pointsledger.example",
                ["ConnectionStrings__PointsLedger"] = connectionString,
                ["Logging__LogLevel__Default"] = "Warning",
                // The benchmark's eight clerks share one account; the per-caller limit would measure itself.
                ["RateLimits__RedemptionsPerMinute"] = "1000000",
            },
        };
        var api = Process.Start(start) ?? throw new InvalidOperationException("could not start the API");
        var host = new BenchmarkHost(api, cluster, folder, address, new TokenIssuer(new SymmetricSecurityKey(signingKey), TimeProvider.System), connectionString);
        try
        {
            await host.WaitUntilReadyAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public int ApiProcessId => _api.Id;

    /// <summary>The postmaster of the benchmark's own cluster (none with POINTSLEDGER_BENCH_PG).</summary>
    public int? PostgresProcessId => _folder is null ? null : int.Parse(File.ReadLines(Path.Combine(_folder, "postmaster.pid")).First());

    /// <summary>The API process's resident memory (VmRSS), as the operating system counts it.</summary>
    public long ApiResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_api.Id}/status").First(l => l.StartsWith("VmRSS:"));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        _api.Kill(entireProcessTree: true);
        await _api.WaitForExitAsync();
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_folder is not null) Directory.Delete(_folder, recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("the API did not become ready in 60 s");
    }

}
