using System.Globalization;

namespace PointsLedger.Benchmarks;

/// <summary>Measures the ledger through HTTP on this machine; see the README section "Speed".</summary>
public static class Benchmark
{
    public static async Task Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var duration = TimeSpan.FromSeconds(args.Length > 0 ? double.Parse(args[0]) : 15);

        await using var host = await BenchmarkHost.StartAsync();
        if (args.Length > 1 && args[1] == "reports")
        {
            // `-- 15 reports`: the township report rows alone.
            PrintTable(duration, await new ReportScenarios(host).MeasureAsync());
            return;
        }
        var scenarios = new Scenarios(host, duration);
        await scenarios.PrepareAsync(households: 3_000);

        var rows = new List<string>
        {
            await scenarios.SingleAwards(clients: 1),
            await scenarios.SingleAwards(clients: 8),
            await scenarios.BatchOfOneThousand(),
            await scenarios.BalanceReadsDuringAwards(awardClients: 8, readers: 2),
            await scenarios.RedemptionsByCard(clerks: 8),
        };
        rows.AddRange(await scenarios.FindHouseholds(readers: 2));
        rows.AddRange(await scenarios.Imports());
        rows.AddRange(await scenarios.NoticeOfOneThousand());
        rows.AddRange(await new ReportScenarios(host).MeasureAsync());
        var pages = await new PageLoads(host).MeasureAsync("/app/", "/app/scan");

        PrintTable(duration, rows);
        Console.WriteLine();
        Console.WriteLine("The phone pages' first loads (Lighthouse, mobile emulation, Debian's Chromium)");
        Console.WriteLine();
        Console.WriteLine(PageLoads.Header);
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        pages.ToList().ForEach(Console.WriteLine);
    }

    private static void PrintTable(TimeSpan duration, IEnumerable<string> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"PointsLedger benchmark — {Environment.ProcessorCount} cores, PostgreSQL alongside, durable commits, {duration.TotalSeconds:0} s per scenario");
        Console.WriteLine();
        Console.WriteLine("| scenario | count | per second | p50 ms | p99 ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var row in rows) Console.WriteLine(row);
    }
}
