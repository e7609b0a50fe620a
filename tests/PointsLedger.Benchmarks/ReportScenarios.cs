using System.Text.Json.Nodes;

namespace PointsLedger.Benchmarks;

/// <summary>
/// The township dashboard's data (GET /api/reports/summary over the last twelve months) for a township
/// like the demo's — 14 villages, 60 households each — with a year of awards, then with ten times as
/// many: the answer reads the report projection's tallies, so it should not grow with the history.
/// Beside it, the anchor: a minimal endpoint on the same host in the same run.
/// </summary>
public sealed class ReportScenarios(BenchmarkHost host)
{
    private const int Villages = 14;
    private const int HouseholdsPerVillage = 60;
    private const int Reads = 30;

    public async Task<IEnumerable<string>> MeasureAsync()
    {
        var admin = new LedgerHttp(host.Address, host.Tokens);
        admin.SignIn("admin");
        var township = $"报表街道{Guid.NewGuid():N}"[..12];
        var cadres = new List<(LedgerHttp Cadre, Guid VillageId, Guid[] Households)>();
        for (var v = 0; v < Villages; v++)
        {
            var villageId = (Guid)(await admin.PostAsync("/api/villages", new { code = $"RPT-{Guid.NewGuid():N}"[..20], name = $"报表{v + 1}村", township }))["villageId"]!;
            var cadre = new LedgerHttp(host.Address, host.Tokens);
            cadre.SignIn("cadre", villageId);
            for (var r = 0; r < 10; r++)
            {
                await cadre.PostAsync($"/api/villages/{villageId}/rules", new { code = $"R{r}", color = new[] { "red", "purple", "orange", "green", "blue" }[r % 5], title = $"报表细则{r}", points = r % 3 + 1 });
            }
            var households = new Guid[HouseholdsPerVillage];
            await Parallel.ForEachAsync(Enumerable.Range(0, HouseholdsPerVillage), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
                households[i] = (Guid)(await cadre.PostAsync($"/api/villages/{villageId}/households",
                    new { householdNo = $"{i + 1:D4}", headName = "王秀英", idNumber = IdNumbers.For(v * 900 + i + 1) }))["householdId"]!);
            cadres.Add((cadre, villageId, households));
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var months = Enumerable.Range(0, 12).Select(back => new DateOnly(today.Year, today.Month, 1).AddMonths(-back)).ToList();
        var period = $"/api/reports/summary?township={Uri.EscapeDataString(township)}&from={months[^1]:yyyy-MM}&to={months[0]:yyyy-MM}";
        var anchor = await TimeAsync(admin, "/health/live");
        var rows = new List<string> { Row("anchor: GET /health/live", anchor) };
        var seededPoints = 0;
        foreach (var (rounds, label) in new[] { (1, "one year of awards"), (9, "ten times as many") })
        {
            var awards = 0;
            for (var round = 0; round < rounds; round++)
            {
                var rule = (rows.Count * 3 + round) % 10;
                var batches = cadres.SelectMany(c => months.Select(month => (c.Cadre, c.VillageId, c.Households, Month: month))).ToList();
                await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (b, _) =>
                {
                    var day = b.Month == months[0] ? today : b.Month.AddDays(14);
                    await b.Cadre.PostAsync("/api/awards/batch", new { villageId = b.VillageId, ruleCode = $"R{rule}", householdIds = b.Households, occurredOn = day.ToString("yyyy-MM-dd") });
                    Interlocked.Add(ref awards, b.Households.Length);
                });
                seededPoints += batches.Count * HouseholdsPerVillage * (rule % 3 + 1);
            }
            await CaughtUpAsync(admin, period, seededPoints);
            var reads = await TimeAsync(admin, period);
            rows.Add(Row($"township report, 14 villages × 12 months, after {label} ({awards:N0} awards added)", reads));
        }
        return rows;
    }

    /// <summary>The daemon applies the awards shortly after they commit: wait until the report counts all of them.</summary>
    private static async Task CaughtUpAsync(LedgerHttp admin, string period, int points)
    {
        for (var tries = 0; tries < 600; tries++)
        {
            var granted = (await admin.GetAsync(period))["granted"]!.AsArray().Sum(g => (int)g!["earned"]!["total"]!);
            if (granted == points) return;
            await Task.Delay(500);
        }
        throw new TimeoutException("the report projection did not catch up");
    }

    private static async Task<Latencies> TimeAsync(LedgerHttp http, string url)
    {
        for (var i = 0; i < 3; i++) await http.GetBytesAsync(url);
        var timings = new Latencies();
        for (var i = 0; i < Reads; i++) await timings.Time(() => http.GetBytesAsync(url));
        timings.Stop();
        return timings;
    }

    private static string Row(string name, Latencies t) =>
        $"| {name} | {t.Count:N0} | {t.PerSecond:N0} | {t.Percentile(50):0.0} | {t.Percentile(99):0.0} |";
}
