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
        // `-- 15 ceiling`, `-- 15 reports`, `-- 15 photos` or `-- 15 pages`: those rows alone; `-- 1800 soak`: the soak (SoakScenario); `-- 0 capacity 10`: deploy/CAPACITY.md's figures.
        if (args.Length > 1 && args[1] == "reports")
        {
            PrintTable(duration, await new ReportScenarios(host).MeasureAsync());
            return;
        }
        if (args.Length > 1 && args[1] == "ceiling")
        {
            PrintTable(duration, await new CeilingScenarios(host, duration).MeasureAsync());
            return;
        }
        if (args.Length > 1 && args[1] == "photos")
        {
            PrintTable(duration, await new PhotoScenarios(host).MeasureAsync());
            return;
        }
        if (args.Length > 1 && args[1] == "soak")
        {
            var soak = await new SoakScenario(host, duration).RunAsync();
            Console.WriteLine();
            Console.WriteLine($"PointsLedger soak — {Environment.ProcessorCount} cores, PostgreSQL alongside, durable commits, {duration.TotalMinutes:0.#} min");
            Console.WriteLine();
            Console.WriteLine(SoakScenario.Header);
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var row in soak) Console.WriteLine(row);
            return;
        }
        if (args.Length > 1 && args[1] == "capacity")
        {
            var townships = args.Length > 2 ? int.Parse(args[2]) : 10;
            Console.WriteLine();
            foreach (var row in await new CapacityScenarios(host, townships).MeasureAsync()) Console.WriteLine(row);
            return;
        }
        if (args.Length > 1 && args[1] == "pages")
        {
            await PrintPagesAsync(host);
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
        rows.AddRange(await new PhotoScenarios(host).MeasureAsync());
        rows.AddRange(await new CeilingScenarios(host, duration).MeasureAsync());
        PrintTable(duration, rows);
        await PrintPagesAsync(host);
    }

    private static async Task PrintPagesAsync(BenchmarkHost host)
    {
        var loads = new PageLoads(host);
        var pages = await loads.MeasureAsync("/app/", "/app/scan", "/app/console");
        var admin = new LedgerHttp(host.Address, host.Tokens);
        admin.SignIn("admin");
        var township = $"灯塔街道{Guid.NewGuid():N}"[..12];
        await admin.PostAsync("/api/villages", new { code = $"LH-{Guid.NewGuid():N}"[..20], name = "灯塔村", township });
        var login = $"lighthouse{Guid.NewGuid():N}"[..16];
        const string password = "Light2026house";
        await admin.PostAsync("/api/staff", new { login, displayName = "灯塔管理员", role = "admin", township, password });
        var signedIn = loads.MeasureSignedIn(login, password);

        Console.WriteLine();
        Console.WriteLine("The phone pages' first loads (Lighthouse, mobile emulation, Debian's Chromium)");
        Console.WriteLine();
        Console.WriteLine(PageLoads.Header);
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        pages.ToList().ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("The console after signing in (Lighthouse snapshots in a user flow, phone width)");
        Console.WriteLine();
        Console.WriteLine(PageLoads.SignedInHeader);
        Console.WriteLine("| --- | ---: | ---: |");
        signedIn.ToList().ForEach(Console.WriteLine);
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
