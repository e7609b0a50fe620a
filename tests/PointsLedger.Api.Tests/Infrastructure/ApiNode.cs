using System.Diagnostics;

namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>
/// The app as an operator runs it: its own process (so it can be killed like a node that loses power),
/// listening on a loopback port, configured by environment variables only.
/// </summary>
public sealed class ApiNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _log;

    private ApiNode(Process process, string log, Uri address)
    {
        _process = process;
        _log = log;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>What the node printed so far, for a failure's message.</summary>
    public string Log => File.Exists(_log) ? File.ReadAllText(_log) : "";

    public static async Task<ApiNode> StartAsync(string folder, IReadOnlyDictionary<string, string> environment)
    {
        var port = EmbeddedPostgres.FreePort.Find();
        var log = Path.Combine(folder, $"node-{port}.log");
        var start = new ProcessStartInfo("bash", ["-c", $"exec dotnet PointsLedger.Api.dll --urls http://127.0.0.1:{port} >>'{log}' 2>&1"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var node = new ApiNode(Process.Start(start)!, log, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await node.ReadyAsync();
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    private async Task ReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(90);)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the node stopped before it was ready:\n{Log}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"the node was not ready in 90 s:\n{Log}");
    }

    /// <summary>kill -9: no shutdown, no goodbye to the other nodes.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
