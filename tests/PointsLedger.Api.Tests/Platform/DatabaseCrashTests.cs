using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Alba;
using Marten;
using Marten.Events;
using PointsLedger.Households;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using PointsLedger.EmbeddedPostgres;
using Xunit.Abstractions;

namespace PointsLedger.Api.Tests.Platform;

/// <summary>
/// PostgreSQL killed (kill -9 of the postmaster) under eight clients of awards, then started again: no
/// acknowledged award is lost, none is applied twice, the app answers 503 while the database is down and
/// serves again by itself, without a restart. A durable cluster of its own, since it is killed.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class DatabaseCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_the_database_under_load_loses_no_acknowledged_award_answers_503_and_recovers_by_itself()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pointsledger-crash-{Guid.NewGuid():N}");
        var options = new ClusterOptions(folder, FreePort.Find()) { Durable = true };
        var cluster = await LocalCluster.StartAsync(options);
        var clock = new TestClock();
        try
        {
            await using var host = await AlbaHost.For<Program>(builder =>
            {
                LedgerApp.ConfigureForTests(builder, cluster.ConnectionString, clock, new CodeInbox());
                // Every background agent reports the outage at length; the figures below are what this test has to say.
                builder.ConfigureLogging(logging => logging.ClearProviders());
            });
            var http = host.Server.CreateClient();
            http.Timeout = TimeSpan.FromSeconds(10);
            var api = new LedgerClient(http, host.Services, clock);
            var village = await api.NewVillage();
            var rule = await api.NewRule(village, "green", 1);
            var households = new List<Guid>();
            for (var i = 0; i < 8; i++) households.Add(await api.NewHousehold(village));

            var sent = new ConcurrentBag<KeyedAwards.Sent>();
            using var stop = new CancellationTokenSource();
            var clients = households.Select(household => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var key = $"crash-{Guid.NewGuid():N}";
                    var body = System.Text.Json.JsonSerializer.Serialize(new { householdId = household, ruleCode = rule, occurredOn = api.Today() });
                    sent.Add(await KeyedAwards.SendAsync(api, village.Cadre, key, body));
                }
            })).ToList();

            await Task.Delay(TimeSpan.FromSeconds(2));
            var killedAt = DateTimeOffset.UtcNow;
            Kill(folder);
            await Task.Delay(TimeSpan.FromSeconds(3));
            cluster = await RestartAsync(options);
            var restartedAt = DateTimeOffset.UtcNow;
            await Task.Delay(TimeSpan.FromSeconds(6));
            await stop.CancelAsync();
            await Task.WhenAll(clients);

            var answers = sent.ToList();
            var duringOutage = answers.Where(a => a.At > killedAt.AddMilliseconds(200) && a.At < restartedAt).ToList();
            var firstAfter = answers.Where(a => a.At > restartedAt && a.Status == HttpStatusCode.Created).Select(a => a.At).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            var retried = await KeyedAwards.RetryUnacknowledgedAsync(api, village.Cadre, answers);
            var acknowledged = answers.Where(a => a.Status == HttpStatusCode.Created).Concat(retried.Where(a => a.Status == HttpStatusCode.Created)).ToList();
            var awardIds = acknowledged.Select(a => Guid.Parse((string)System.Text.Json.Nodes.JsonNode.Parse(a.Answer)!["awardId"]!)).ToHashSet();
            await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var ids = households.ToArray();
            var inLedger = (await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(ids) && e.EventTypesAre(typeof(PointsAwarded))).Select(e => e.Id)
                .ToListAsync()).ToHashSet();
            var replays = await Task.WhenAll(acknowledged.Take(20).Select(a => KeyedAwards.SendAsync(api, village.Cadre, a.Key, a.Body)));

            output.WriteLine($"{answers.Count} requests by 8 clients; {answers.Count(a => a.Status == HttpStatusCode.Created)} acknowledged at once, "
                + $"{answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} answered 503 while the database was down ({duringOutage.Count} sent in the outage), "
                + $"{answers.Count(a => a.Status is null)} without an answer in 10 s; first award {(firstAfter - restartedAt).TotalSeconds:0.0} s after the database was back; "
                + $"{retried.Count} retried with their keys; {inLedger.Count} awards in the ledger for {acknowledged.Count} acknowledged");
            Assert.NotEmpty(duringOutage);
            Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => Assert.Equal((HttpStatusCode?)HttpStatusCode.ServiceUnavailable, a.Status));
            Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => Assert.Equal("database-unavailable", a.Code));
            Assert.True(firstAfter - restartedAt < TimeSpan.FromSeconds(10), $"no award within 10 s of the database coming back ({firstAfter - restartedAt})");
            Assert.All(retried, a => Assert.Equal((HttpStatusCode?)HttpStatusCode.Created, a.Status));
            Assert.Equal(answers.Count, acknowledged.Count);
            Assert.Equal(awardIds, inLedger);
            Assert.All(replays, replay => Assert.Equal((HttpStatusCode?)HttpStatusCode.Created, replay.Status));
            Assert.Equal(acknowledged.Take(20).Select(a => a.Answer), replays.Select(r => r.Answer));
        }
        finally
        {
            await cluster.DisposeAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>kill -9 of the postmaster, as a power cut or the OOM killer would: no shutdown, no checkpoint.</summary>
    private static void Kill(string folder)
    {
        var pid = int.Parse(File.ReadLines(Path.Combine(folder, "postmaster.pid")).First());
        using var kill = Process.Start("kill", ["-9", pid.ToString()])!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Starts the cluster again (crash recovery replays its WAL) once its orphaned backends have let go of it.</summary>
    private static async Task<LocalCluster> RestartAsync(ClusterOptions options)
    {
        for (var tries = 0; ; tries++)
        {
            try
            {
                return await LocalCluster.StartAsync(options);
            }
            catch (InvalidOperationException) when (tries < 20)
            {
                await Task.Delay(500);
            }
        }
    }
}
