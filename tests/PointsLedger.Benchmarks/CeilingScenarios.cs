using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PointsLedger.Benchmarks;

/// <summary>
/// Single awards at eight clients beside the two ceilings they sit under, in one run on the same cluster:
/// pgbench appending one event-sized row per transaction (the database's), and a minimal ASP.NET Core +
/// Npgsql endpoint doing that same append over HTTP (the stack's). Each row says what share it reaches.
/// </summary>
public sealed partial class CeilingScenarios(BenchmarkHost host, TimeSpan duration)
{
    private const int Clients = 8;
    private const string Append =
        "insert into bench.appends (id, stream_id, data) values (gen_random_uuid(), gen_random_uuid(), " +
        "'{\"ruleCode\":\"R1\",\"color\":\"green\",\"points\":5,\"occurredOn\":\"2026-11-20\",\"awardedBy\":\"cadre-1\",\"changes\":[]}'::jsonb)";

    public async Task<IEnumerable<string>> MeasureAsync()
    {
        await using (var setup = new NpgsqlConnection(host.ConnectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand(
                "create schema if not exists bench; create table if not exists bench.appends (id uuid primary key, stream_id uuid not null, data jsonb not null, at timestamptz not null default now())",
                setup);
            await create.ExecuteNonQueryAsync();
        }

        var pgbench = await PgbenchAsync();
        var (minimal, minimalCost) = await MinimalEndpointAsync();
        var (awards, awardCost) = await AwardsAsync();
        return
        [
            $"| ceiling: pgbench, one event-sized row per transaction, {Clients} clients | {pgbench.Count:N0} | {pgbench.PerSecond:N0} | | |",
            Row($"ceiling: a minimal ASP.NET Core + Npgsql endpoint doing that append, {Clients} clients ({minimal.PerSecond / pgbench.PerSecond:P0} of pgbench; "
                + $"{Each(minimalCost, minimal, withApi: false)})", minimal),
            Row($"POST /api/awards, {Clients} clients, beside them ({awards.PerSecond / minimal.PerSecond:P0} of the minimal endpoint, {awards.PerSecond / pgbench.PerSecond:P0} of pgbench; "
                + $"{Each(awardCost, awards, withApi: true)})", awards),
        ];
    }

    /// <summary>The measured run, and what it cost the database (and the API process) in all, read around it.</summary>
    private async Task<(Latencies Timings, Resources Cost)> MeasuredRunAsync(Func<Task> call)
    {
        var before = await Resources.ReadAsync(host);
        var timings = new Latencies();
        await RunAsync(timings, call);
        return (timings, (await Resources.ReadAsync(host)).Since(before));
    }

    /// <summary>Per request: PostgreSQL's CPU and the WAL written, and the API's CPU where it runs apart from the load generator.</summary>
    private static string Each(Resources cost, Latencies timings, bool withApi)
    {
        var parts = new List<string>();
        if (cost.PostgresCpuSeconds is { } postgres) parts.Add($"{postgres * 1e6 / timings.Count:N0} µs PostgreSQL CPU");
        parts.Add($"{(double)cost.WalBytes / timings.Count / 1024:N1} KB WAL");
        if (withApi) parts.Add($"{cost.ApiCpuSeconds * 1e6 / timings.Count:N0} µs API CPU");
        return "per request " + string.Join(", ", parts);
    }

    private async Task<(long Count, double PerSecond)> PgbenchAsync()
    {
        var script = Path.GetTempFileName();
        await File.WriteAllTextAsync(script, Append + ";\n");
        var connection = new NpgsqlConnectionStringBuilder(host.ConnectionString);
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Order().Last();
        var start = new ProcessStartInfo(Path.Combine(bin, "bin", "pgbench"),
            ["-n", "-c", $"{Clients}", "-j", "2", "-T", $"{(int)duration.TotalSeconds}", "-f", script, "-h", connection.Host!, "-p", $"{connection.Port}", "-U", connection.Username!, connection.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var run = Process.Start(start)!;
        var output = await run.StandardOutput.ReadToEndAsync();
        await run.WaitForExitAsync();
        File.Delete(script);
        var tps = TpsPattern().Match(output);
        var count = TransactionsPattern().Match(output);
        if (run.ExitCode != 0 || !tps.Success) throw new InvalidOperationException($"pgbench failed: {output}{await run.StandardError.ReadToEndAsync()}");
        return (long.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private async Task<(Latencies, Resources)> MinimalEndpointAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(NpgsqlDataSource.Create(host.ConnectionString));
        var address = $"http://127.0.0.1:{EmbeddedPostgres.FreePort.Find()}";
        builder.WebHost.UseUrls(address);
        await using var app = builder.Build();
        app.MapPost("/append", async (NpgsqlDataSource database) =>
        {
            await using var command = database.CreateCommand(Append);
            await command.ExecuteNonQueryAsync();
            return Results.StatusCode(201);
        });
        await app.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(address) };
        var measured = await MeasuredRunAsync(async () => (await http.PostAsync("/append", null)).EnsureSuccessStatusCode().Dispose());
        await app.StopAsync();
        return measured;
    }

    private async Task<(Latencies, Resources)> AwardsAsync()
    {
        var admin = new LedgerHttp(host.Address, host.Tokens);
        admin.SignIn("admin");
        var villageId = (Guid)(await admin.PostAsync("/api/villages", new { code = $"CEIL-{Guid.NewGuid():N}"[..20], name = "天花板村", township = "基准街道" }))["villageId"]!;
        var cadre = new LedgerHttp(host.Address, host.Tokens);
        cadre.SignIn("cadre", villageId);
        await cadre.PostAsync($"/api/villages/{villageId}/rules", new { code = "C1", color = "green", title = "基准", points = 1 });
        var households = new Guid[200];
        for (var i = 0; i < households.Length; i++)
        {
            households[i] = (Guid)(await cadre.PostAsync($"/api/villages/{villageId}/households",
                new { householdNo = $"{i + 1:D4}", headName = "王秀英", idNumber = IdNumbers.For(50_000 + i) }))["householdId"]!;
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        Task Award() => cadre.PostAsync("/api/awards",
            new { householdId = households[Random.Shared.Next(households.Length)], ruleCode = "C1", occurredOn = today }, Guid.NewGuid().ToString());
        await RunAsync(new Latencies(), Award, TimeSpan.FromSeconds(3));
        return await MeasuredRunAsync(Award);
    }

    private async Task RunAsync(Latencies timings, Func<Task> call, TimeSpan? length = null)
    {
        var until = DateTime.UtcNow + (length ?? duration);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            while (DateTime.UtcNow < until) await timings.Time(call);
        }));
        timings.Stop();
    }

    private static string Row(string name, Latencies t) =>
        $"| {name} | {t.Count:N0} | {t.PerSecond:N0} | {t.Percentile(50):0.0} | {t.Percentile(99):0.0} |";

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex TpsPattern();

    [GeneratedRegex(@"number of transactions actually processed: ([0-9]+)")]
    private static partial Regex TransactionsPattern();
}
