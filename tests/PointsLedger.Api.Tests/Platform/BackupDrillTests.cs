using System.Diagnostics;
using System.Net;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using PointsLedger.Api.Tests.Notices;
using PointsLedger.EmbeddedPostgres;
using Xunit.Abstractions;

namespace PointsLedger.Api.Tests.Platform;

/// <summary>The backup drill (deploy/backup-drill.sh) run for real: a township with a closed notice, dumped, restored into a fresh cluster, served and audited.</summary>
public sealed class BackupDrillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_dumped_township_restores_into_a_fresh_cluster_with_the_same_events_and_its_notices_audit_clean()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pointsledger-backup-{Guid.NewGuid():N}");
        var cluster = await LocalCluster.StartAsync(new ClusterOptions(folder, FreePort.Find()) { Durable = false });
        try
        {
            var clock = new TestClock();
            await using (var host = await AlbaHost.For<Program>(builder =>
                         {
                             LedgerApp.ConfigureForTests(builder, cluster.ConnectionString, clock, new CodeInbox());
                             builder.ConfigureLogging(logging => logging.ClearProviders());
                         }))
            {
                var api = new LedgerClient(host.Server.CreateClient(), host.Services, clock);
                var last = new LastMonth(clock);
                var village = await api.NewVillage();
                var rule = await api.NewRule(village, "orange", 6);
                for (var i = 0; i < 5; i++) (await api.Award(village, await api.NewHousehold(village), rule, last.Day(3 + i))).ShouldBe(HttpStatusCode.Created);
                (await api.Post($"/api/villages/{village.Id}/notices", new { month = last.Text }, village.Approver)).ShouldBe(HttpStatusCode.Created);
            }

            var root = Repository.Root();
            var drill = new ProcessStartInfo("bash", [Path.Combine(root, "deploy", "backup-drill.sh"), Url(cluster.ConnectionString)])
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["APP"] = $"dotnet {Path.Combine(AppContext.BaseDirectory, "PointsLedger.Api.dll")}" },
            };
            using var run = Process.Start(drill)!;
            var printed = run.StandardOutput.ReadToEndAsync();
            var errors = await run.StandardError.ReadToEndAsync();
            await run.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            output.WriteLine(await printed);

            Assert.True(run.ExitCode == 0, $"{await printed}{errors}");
            Assert.Contains("1 notices checked, 0 mismatches", await printed);
            Assert.Contains("the same as the original", await printed);
            Assert.Matches(@"the app served it \(\d+ villages\)", await printed);
        }
        finally
        {
            await cluster.DisposeAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Url(string connectionString)
    {
        var parts = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{parts.Username}@{parts.Host}:{parts.Port}/{parts.Database}";
    }
}
