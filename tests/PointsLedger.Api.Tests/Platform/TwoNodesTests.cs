using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using PointsLedger.Api.Tests.Redemptions;
using PointsLedger.Auth;
using PointsLedger.EmbeddedPostgres;
using Xunit.Abstractions;

namespace PointsLedger.Api.Tests.Platform;

/// <summary>
/// Two API processes on one database behind Debian's nginx, configured as deploy/compose.yaml runs them
/// (Balanced durability, the shared keys, the nginx of deploy/nginx): the nightly sweep, fired every ten
/// seconds here, runs once per firing whichever node takes it; a redemption race split across the nodes
/// never overspends; and a node killed under eight clients of awards loses no acknowledged award (what it
/// had in hand answers 502 and is retried with its key) while the other serves on and takes over the sweep.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class TwoNodesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_nodes_run_the_sweep_once_never_overspend_and_lose_nothing_when_one_dies()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pointsledger-nodes-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var cluster = await LocalCluster.StartAsync(new ClusterOptions(Path.Combine(folder, "db"), FreePort.Find()) { Durable = false });
        var signingKey = RandomNumberGenerator.GetBytes(32);
        var environment = NodeEnvironment(cluster.ConnectionString, signingKey);
        var nodes = new List<ApiNode>();
        Nginx? nginx = null;
        try
        {
            // One after the other: the first node applies the schema, the second finds it done.
            nodes.Add(await ApiNode.StartAsync(folder, environment));
            nodes.Add(await ApiNode.StartAsync(folder, environment));
            nginx = await Nginx.StartAsync(folder, Repository.Root(), nodes.Select(node => node.Address));
            var tokens = new ServiceCollection().AddSingleton(new TokenIssuer(new SymmetricSecurityKey(signingKey), TimeProvider.System)).BuildServiceProvider();
            LedgerClient Through(Uri address) => new(new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) }, tokens, TimeProvider.System);
            var api = Through(nginx.Address);

            var village = await api.NewVillage();
            var shop = await api.NewShop(village);
            var offer = await api.NewOffer(shop, 7, cashValue: 1.50m);
            var household = await api.HouseholdWith(village, ("red", 60, null), ("green", 40, null));
            var direct = nodes.Select(node => Through(node.Address)).ToArray();
            var race = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
                direct[i % 2].Redeem(api.Admin, new { merchantId = shop.Id, offerId = offer, householdId = household }, $"split-{Guid.NewGuid():N}")));
            Assert.Equal(14, race.Count(r => r.Status == HttpStatusCode.Created));
            Assert.All(race.Where(r => r.Status != HttpStatusCode.Created), r => r.ShouldBeProblem(HttpStatusCode.Conflict, "insufficient-points"));
            Assert.Equal(2, await api.Available(household));

            var beforeKill = await RunsAsync(api, runs => runs.Count >= 2, TimeSpan.FromSeconds(60));
            var rule = await api.NewRule(village, "green", 1);
            var households = new List<Guid>();
            for (var i = 0; i < 8; i++) households.Add(await api.NewHousehold(village));
            var sent = new ConcurrentBag<KeyedAwards.Sent>();
            using var stop = new CancellationTokenSource();
            var clients = households.Select(id => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var body = JsonSerializer.Serialize(new { householdId = id, ruleCode = rule, occurredOn = api.Today() });
                    sent.Add(await KeyedAwards.SendAsync(api, village.Cadre, $"node-{Guid.NewGuid():N}", body));
                }
            })).ToList();
            await Task.Delay(TimeSpan.FromSeconds(3));
            // The node that ran the latest sweep dies: the other must take the schedule over.
            var victim = nodes.Single(node => beforeKill[0].Node.EndsWith($":{node.ProcessId}"));
            victim.Kill();
            var killedAt = DateTimeOffset.UtcNow;
            await Task.Delay(TimeSpan.FromSeconds(5));
            await stop.CancelAsync();
            await Task.WhenAll(clients);

            var answers = sent.ToList();
            var retried = await KeyedAwards.RetryUnacknowledgedAsync(api, village.Cadre, answers);
            var acknowledged = answers.Where(a => a.Status == HttpStatusCode.Created).Concat(retried.Where(a => a.Status == HttpStatusCode.Created))
                .Select(a => Guid.Parse((string)JsonNode.Parse(a.Answer)!["awardId"]!)).ToHashSet();
            var inLedger = new HashSet<Guid>();
            foreach (var id in households)
            {
                foreach (var entry in await api.Ledger(id)) inLedger.Add(Guid.Parse((string)entry!["awardId"]!));
            }
            var handedOver = Stopwatch.StartNew();
            var runs = await RunsAsync(api, all => all.Count(run => run.RanAt > killedAt) >= 2, TimeSpan.FromSeconds(120));
            var afterKill = runs.Where(run => run.RanAt > killedAt).OrderBy(run => run.RanAt).ToList();
            // The township report is kept by the async daemon, which ran on one of the two nodes: it must be the survivor's now.
            var month = api.Today()[..7];
            var reported = await ReportedAsync(api, $"/api/reports/summary?from={month}&to={month}&township={Uri.EscapeDataString("刁镇街道")}",
                inLedger.Count + 100, TimeSpan.FromSeconds(120));

            output.WriteLine($"redemption race split over two nodes: {race.Count(r => r.Status == HttpStatusCode.Created)} of 40 redeemed, 2 points left");
            output.WriteLine($"{answers.Count} awards by 8 clients through nginx; node {victim.ProcessId} killed after 3 s; "
                + $"{answers.Count(a => a.Status == HttpStatusCode.Created)} acknowledged at once, {answers.Count(a => a.Status != HttpStatusCode.Created)} not "
                + $"({string.Join(", ", answers.Where(a => a.Status != HttpStatusCode.Created).GroupBy(a => a.Status).Select(g => $"{g.Count()}×{(int?)g.Key ?? 0}"))}), "
                + $"{retried.Count} retried with their keys; {answers.Count(a => a.At > killedAt && a.Status == HttpStatusCode.Created)} acknowledged after the kill; "
                + $"{inLedger.Count} awards in the ledger for {acknowledged.Count} acknowledged");
            output.WriteLine($"sweeps: {runs.Count} runs of {runs.Select(r => r.Occurrence).Distinct().Count()} firings; by node: "
                + string.Join(", ", runs.GroupBy(r => r.Node).Select(g => $"{g.Key} {g.Count()}"))
                + $"; first run on the survivor ({afterKill[0].Node}) {(afterKill[0].RanAt - killedAt).TotalSeconds:0.0} s after the kill (waited {handedOver.Elapsed.TotalSeconds:0} s)");
            output.WriteLine($"the township report counted every award {(reported - killedAt).TotalSeconds:0.0} s after the kill");

            Assert.All(runs, run => Assert.NotNull(run.Occurrence));
            Assert.All(runs.GroupBy(run => run.Occurrence), firing => Assert.Single(firing));
            // While both nodes were up, no firing was missed: one every ten seconds.
            var bothUp = runs.Where(run => run.RanAt < killedAt).Select(run => run.Occurrence!.Value).Order().ToList();
            Assert.All(bothUp.Zip(bothUp.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(10), pair.Second - pair.First));
            Assert.Contains(answers, a => a.At > killedAt.AddSeconds(1) && a.Status == HttpStatusCode.Created);
            Assert.All(retried, a => Assert.Equal((HttpStatusCode?)HttpStatusCode.Created, a.Status));
            Assert.Equal(acknowledged, inLedger);
            Assert.Equal(answers.Count, acknowledged.Count);
        }
        catch (Exception) when (Dump(nodes))
        {
            throw;
        }
        finally
        {
            if (nginx is not null) await nginx.DisposeAsync();
            foreach (var node in nodes) await node.DisposeAsync();
            await cluster.DisposeAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>What an operator sets on every node (deploy/compose.yaml), with the sweep every ten seconds instead of nightly.</summary>
    private static Dictionary<string, string> NodeEnvironment(string connectionString, byte[] signingKey) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Staging",
        ["ConnectionStrings__PointsLedger"] = connectionString,
        ["Auth__SigningKey"] = Convert.ToBase64String(signingKey),
        ["PaymentCodes__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["PersonalData__IdNumberKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Notices__PublicBaseUrl"] = "https://ledger.example.cn",
        ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        ["Expiry__Schedule"] = "*/10 * * * * *",
        ["Redemptions__MaxYuanPerPoint"] = "10",
        ["RateLimits__RedemptionsPerMinute"] = "10000",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private sealed record Run(DateTimeOffset? Occurrence, DateTimeOffset RanAt, string Node);

    /// <summary>The sweep's runs, newest first, once <paramref name="enough"/> holds of them.</summary>
    private static async Task<List<Run>> RunsAsync(LedgerClient api, Func<List<Run>, bool> enough, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var runs = (await api.Get("/api/expiry/runs", api.Admin)).ShouldBe(HttpStatusCode.OK).Json["runs"]!.AsArray()
                .Select(run => run.Deserialize<Run>(LedgerClient.JsonOptions)!).ToList();
            if (enough(runs)) return runs;
            if (waited.Elapsed > patience) throw new TimeoutException($"the sweep's runs after {patience}: {JsonSerializer.Serialize(runs)}");
            await Task.Delay(1000);
        }
    }

    /// <summary>When the report first showed <paramref name="points"/> earned in its one month.</summary>
    private static async Task<DateTimeOffset> ReportedAsync(LedgerClient api, string url, int points, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var granted = (await api.Get(url, api.Admin)).ShouldBe(HttpStatusCode.OK).Json["granted"]!.AsArray();
            var earned = granted.Sum(month => (int)month!["earned"]!["total"]!);
            if (earned == points) return DateTimeOffset.UtcNow;
            if (waited.Elapsed > patience) throw new TimeoutException($"the report counted {earned} points after {patience}, not {points}");
            await Task.Delay(500);
        }
    }

    private bool Dump(List<ApiNode> nodes)
    {
        foreach (var node in nodes) output.WriteLine($"--- node {node.ProcessId}\n{node.Log}");
        return false;
    }
}
