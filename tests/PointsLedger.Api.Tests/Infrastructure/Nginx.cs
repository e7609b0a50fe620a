using System.Diagnostics;

namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>Debian's nginx in front of API nodes, passing requests as deploy/nginx/proxy.conf ships.</summary>
public sealed class Nginx : IAsyncDisposable
{
    private readonly Process _process;

    private Nginx(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<Nginx> StartAsync(string folder, string repositoryRoot, IEnumerable<Uri> nodes)
    {
        var port = EmbeddedPostgres.FreePort.Find();
        var root = Path.Combine(folder, "nginx");
        Directory.CreateDirectory(root);
        var servers = string.Join("\n", nodes.Select(node => $"        server {node.Host}:{node.Port} max_fails=1 fail_timeout=10s;"));
        var temp = string.Join("\n", new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }.Select(kind => $"    {kind}_temp_path {root}/{kind};"));
        var config = Path.Combine(root, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes 1;
            daemon off;
            pid {{root}}/nginx.pid;
            error_log {{root}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
            {{temp}}
                upstream api {
            {{servers}}
                    keepalive 32;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        include {{Path.Combine(repositoryRoot, "deploy", "nginx", "proxy.conf")}};
                    }
                }
            }
            """);
        var process = Process.Start(new ProcessStartInfo("nginx", ["-c", config, "-e", Path.Combine(root, "error.log")])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var nginx = new Nginx(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await nginx.ReadyAsync();
            return nginx;
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
    }

    private async Task ReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var tries = 0; tries < 40; tries++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"nginx stopped: {await _process.StandardError.ReadToEndAsync()}");
            try
            {
                if ((await http.GetAsync(new Uri(Address, "/health/live"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("nginx did not answer in 10 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
