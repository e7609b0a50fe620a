namespace PointsLedger.EmbeddedPostgres;

/// <summary>
/// A PostgreSQL cluster in a folder we own, started from the machine's binaries: created on first
/// use, reused on the next start (also when a previous run left it running), stopped on dispose.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly ClusterOptions _options;
    private readonly string _bin;
    private readonly string? _runAs;

    private LocalCluster(ClusterOptions options)
    {
        _options = options;
        _bin = PostgresBinaries.Locate(options.BinDirectory);
        _runAs = Environment.UserName == "root" ? options.UnprivilegedUser : null;
    }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={_options.Port};Database={_options.Database};Username=postgres;Pooling=true;Maximum Pool Size=64";

    public static async Task<LocalCluster> StartAsync(ClusterOptions options, CancellationToken ct = default)
    {
        var cluster = new LocalCluster(options);
        await cluster.StartAsync(ct);
        return cluster;
    }

    private async Task StartAsync(CancellationToken ct)
    {
        var data = _options.DataDirectory;
        var fresh = !File.Exists(Path.Combine(data, "PG_VERSION"));
        if (fresh)
        {
            Directory.CreateDirectory(data);
            await GiveToRunnerAsync(data, ct);
            await RunAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], ct);
        }

        if (!await IsRunningAsync(ct))
        {
            if (!FreePort.IsFree(_options.Port))
            {
                throw new InvalidOperationException(
                    $"Port {_options.Port} is taken (another checkout's embedded PostgreSQL?): stop it, or give this one EmbeddedPostgres:Port.");
            }
            var settings = $"-c listen_addresses=127.0.0.1 -p {_options.Port} -k {data} -c max_connections=200";
            if (!_options.Durable) settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            await RunAsync("pg_ctl", ["-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-t", "60", "-o", settings, "start"], ct);
        }

        if (fresh)
        {
            await RunAsync("createdb", ["-h", "127.0.0.1", "-p", _options.Port.ToString(), "-U", "postgres", _options.Database], ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessRunner.RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _options.DataDirectory, "-m", "fast", "-w", "stop"], _runAs, CancellationToken.None);
    }

    private async Task<bool> IsRunningAsync(CancellationToken ct)
    {
        var (exit, _) = await ProcessRunner.RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _options.DataDirectory, "status"], _runAs, ct);
        return exit == 0;
    }

    private async Task RunAsync(string program, string[] arguments, CancellationToken ct)
    {
        var (exit, output) = await ProcessRunner.RunAsync(Path.Combine(_bin, program), arguments, _runAs, ct);
        if (exit != 0)
        {
            throw new InvalidOperationException($"{program} failed with exit code {exit}: {output}");
        }
    }

    private async Task GiveToRunnerAsync(string folder, CancellationToken ct)
    {
        if (_runAs is null) return;
        var (exit, output) = await ProcessRunner.RunAsync("chown", ["-R", _runAs, folder], null, ct);
        if (exit != 0) throw new InvalidOperationException($"chown {folder} to {_runAs} failed: {output}");
    }
}
