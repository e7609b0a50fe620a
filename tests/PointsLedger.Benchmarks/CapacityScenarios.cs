using PointsLedger.DemoSeed;

namespace PointsLedger.Benchmarks;

/// <summary>
/// `-- 0 capacity [townships]`, the figures behind deploy/CAPACITY.md. First the demo township (14
/// villages, about 3,000 households, six months of awards, five closes, a day's redemptions) seeded
/// through the API, and what it cost: events, database bytes, WAL, API and PostgreSQL CPU, scaled to a
/// township-year. Then the month-end evening for several townships at once: each village's month of
/// paper records entered (a batch per rule, as the demo's cadres enter them) and every village closing
/// the month; its cost per township is checked against <see cref="Plan"/>, the plan's figures.
/// </summary>
public sealed class CapacityScenarios(BenchmarkHost host, int townships)
{
    private const int VillagesPerTownship = 14;
    private const int HouseholdsPerVillage = 215;
    private const int Cadres = 8;

    /// <summary>deploy/CAPACITY.md's month-end figures for one township, which the simulation must stay within.</summary>
    public static class Plan
    {
        public const double ApiCpuSeconds = 6;
        public const double PostgresCpuSeconds = 10;
        public const double WalMegabytes = 60;
        public const int Events = 9_000;
    }

    public async Task<IReadOnlyList<string>> MeasureAsync()
    {
        if (host.PostgresProcessId is null) throw new InvalidOperationException("the capacity figures need the benchmark's own cluster: unset POINTSLEDGER_BENCH_PG");
        var rows = new List<string>();
        var before = await Resources.ReadAsync(host);
        var seeder = new Seeder(new LedgerApi(host.Address, SignIn), HouseholdsPerVillage, new Random(2026));
        await seeder.RunAsync();
        var demo = (await Resources.ReadAsync(host)).Since(before);
        var households = seeder.Seeded.Sum(village => village.Households.Length);
        rows.Add($"demo township, six months: {households:N0} households, {demo.Events:N0} events, database +{demo.DatabaseBytes / 1e6:N0} MB, "
            + $"WAL {demo.WalBytes / 1e6:N0} MB, API CPU {demo.ApiCpuSeconds:N0} s, PostgreSQL CPU {demo.PostgresCpuSeconds:N0} s");
        rows.Add($"per township-year (×2): {demo.Events * 2:N0} events, database +{demo.DatabaseBytes * 2 / 1e6:N0} MB, WAL {demo.WalBytes * 2 / 1e6:N0} MB, "
            + $"API CPU {demo.ApiCpuSeconds * 2:N0} s, PostgreSQL CPU {demo.PostgresCpuSeconds * 2:N0} s");

        var registered = await RegisterTownshipsAsync();
        var evening = await Resources.ReadAsync(host);
        var entered = await EnterLastMonthAsync(registered);
        var afterEntry = await Resources.ReadAsync(host);
        var closes = await CloseLastMonthAsync(registered);
        var end = await Resources.ReadAsync(host);
        var total = end.Since(evening);
        rows.Add($"month-end evening, {townships} townships ({registered.Count} villages, {townships * VillagesPerTownship * HouseholdsPerVillage:N0} households) at once: "
            + $"{entered:N0} paper records entered in {afterEntry.Elapsed(evening).TotalSeconds:N0} s ({entered / afterEntry.Elapsed(evening).TotalSeconds:N0}/s, {Cadres} cadres), "
            + $"{registered.Count} closes in {end.Elapsed(afterEntry).TotalSeconds:N0} s (p50 {closes.Percentile(50) / 1000:0.0} s, p99 {closes.Percentile(99) / 1000:0.0} s)");
        var per = (Api: total.ApiCpuSeconds / townships, Postgres: total.PostgresCpuSeconds!.Value / townships, Wal: total.WalBytes / 1e6 / townships, Events: total.Events / townships);
        rows.Add($"per township: {per.Events:N0} events, WAL {per.Wal:N0} MB, API CPU {per.Api:N1} s, PostgreSQL CPU {per.Postgres:N1} s "
            + $"(plan: {Plan.Events:N0}, {Plan.WalMegabytes:N0} MB, {Plan.ApiCpuSeconds:N0} s, {Plan.PostgresCpuSeconds:N0} s)");
        var within = per.Api <= Plan.ApiCpuSeconds && per.Postgres <= Plan.PostgresCpuSeconds && per.Wal <= Plan.WalMegabytes && per.Events <= Plan.Events;
        rows.Add(within ? "within the plan" : "OVER THE PLAN: deploy/CAPACITY.md must be redone");
        return rows;
    }

    private string SignIn(string role, Guid? villageId) =>
        host.Tokens.Issue(new Auth.Actor($"capacity-{role}-{villageId:N}", role, villageId), TimeSpan.FromHours(4));

    private sealed record SimulatedVillage(Guid Id, LedgerHttp Cadre, LedgerHttp Approver, Guid[] Households);

    /// <summary>Townships of 14 villages of 215 households, with the demo's catalogue as village rules; not part of the evening's cost.</summary>
    private async Task<List<SimulatedVillage>> RegisterTownshipsAsync()
    {
        var admin = new LedgerHttp(host.Address, host.Tokens);
        admin.SignIn("admin");
        var villages = new List<SimulatedVillage>();
        var run = Guid.NewGuid().ToString("N")[..6];
        for (var t = 0; t < townships; t++)
        {
            for (var v = 0; v < VillagesPerTownship; v++)
            {
                var id = (Guid)(await admin.PostAsync("/api/villages", new { code = $"CAP{run}{t:D2}{v:D2}", name = $"模拟{v + 1}村", township = $"模拟{t + 1}街道{run}" }))["villageId"]!;
                var cadre = new LedgerHttp(host.Address, host.Tokens);
                cadre.SignIn("cadre", id);
                var approver = new LedgerHttp(host.Address, host.Tokens);
                approver.SignIn("approver", id);
                foreach (var rule in Catalogue.Rules)
                {
                    await cadre.PostAsync($"/api/villages/{id}/rules", new { rule.Code, rule.Color, rule.Title, rule.Points, rule.MonthlyCap });
                }
                var households = new Guid[HouseholdsPerVillage];
                await Parallel.ForEachAsync(Enumerable.Range(0, households.Length), new ParallelOptions { MaxDegreeOfParallelism = Cadres }, async (i, _) =>
                {
                    households[i] = (Guid)(await cadre.PostAsync($"/api/villages/{id}/households",
                        new { householdNo = $"{i + 1:D4}", headName = "孙模拟", idNumber = IdNumbers.For(v * HouseholdsPerVillage + i + 1) }))["householdId"]!;
                });
                villages.Add(new SimulatedVillage(id, cadre, approver, households));
            }
            Console.WriteLine($"township {t + 1} of {townships} registered");
        }
        return villages;
    }

    /// <summary>Every village's month of paper records, dated in the month just ended: a batch per rule, eight villages at a time.</summary>
    private async Task<int> EnterLastMonthAsync(List<SimulatedVillage> villages)
    {
        var random = new Random(11);
        var month = LastMonth();
        var work = villages.SelectMany(village => Catalogue.Rules.Select(rule =>
            (village, rule.Code, Households: village.Households.Where(_ => random.NextDouble() < rule.Share).ToArray(), Day: month.AddDays(random.Next(28))))).ToList();
        var entered = 0;
        await Parallel.ForEachAsync(work.Where(w => w.Households.Length > 0), new ParallelOptions { MaxDegreeOfParallelism = Cadres }, async (w, _) =>
        {
            await w.village.Cadre.PostAsync("/api/awards/batch",
                new { villageId = w.village.Id, ruleCode = w.Code, householdIds = w.Households, occurredOn = w.Day.ToString("yyyy-MM-dd") }, Guid.NewGuid().ToString());
            Interlocked.Add(ref entered, w.Households.Length);
        });
        return entered;
    }

    private static async Task<Latencies> CloseLastMonthAsync(List<SimulatedVillage> villages)
    {
        var month = LastMonth().ToString("yyyy-MM");
        var closes = new Latencies();
        await Parallel.ForEachAsync(villages, new ParallelOptions { MaxDegreeOfParallelism = Cadres }, async (village, _) =>
            await closes.Time(() => village.Approver.PostAsync($"/api/villages/{village.Id}/notices", new { month })));
        closes.Stop();
        return closes;
    }

    private static DateOnly LastMonth()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    }
}
