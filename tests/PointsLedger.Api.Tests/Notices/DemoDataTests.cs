using System.Net;
using PointsLedger.DemoSeed;

namespace PointsLedger.Api.Tests.Notices;

/// <summary>The demo seed, scaled down, through the app's HTTP API: months closed, a supermarket, redemptions.</summary>
[Collection(LedgerCollection.Name)]
public sealed class DemoDataTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    [Fact]
    public async Task Over_the_demo_data_every_notices_lines_add_up_to_the_ledgers_totals_by_colour_and_re_derive_unchanged()
    {
        var seeder = new Seeder(new LedgerApi(app.Host.Server.CreateClient()), householdsPerVillage: 20, new Random(2026), villages: 2,
            codePrefix: $"T{Guid.NewGuid():N}"[..8]);
        await seeder.RunAsync();

        var checkedMonths = 0;
        foreach (var (villageId, households) in seeder.Seeded)
        {
            var ledgers = new List<System.Text.Json.Nodes.JsonArray>();
            foreach (var household in households) ledgers.Add(await _api.Ledger(household));
            var village = (await _api.Get($"/api/villages/{villageId}", _api.Admin)).Json;
            var closedThrough = DateOnly.Parse((string)village["closedThrough"]! + "-01");
            for (var month = closedThrough.AddMonths(-4); month <= closedThrough; month = month.AddMonths(1))
            {
                var text = month.ToString("yyyy-MM");
                var notice = (await _api.Get($"/api/villages/{villageId}/notices/{text}", _api.Admin)).ShouldBe(HttpStatusCode.OK).Json;
                foreach (var colour in new[] { "red", "purple", "orange", "green", "blue" })
                {
                    var inLedgers = ledgers.SelectMany(l => l)
                        .Where(e => (string?)e!["color"] == colour && ((string?)e["occurredOn"])?.StartsWith(text) == true)
                        .Sum(e => (int)e!["earned"]!);
                    Assert.Equal(inLedgers, notice["households"]!.AsArray().Sum(l => (int)l!["earned"]![colour]!));
                    Assert.Equal(inLedgers, (int)notice["totals"]!["earned"]![colour]!);
                }
                checkedMonths++;
            }
        }
        var audit = (await _api.Post("/api/notices/audit", new { }, _api.Admin)).Json;

        Assert.Equal(10, checkedMonths);
        Assert.DoesNotContain(audit["mismatches"]!.AsArray(), m => seeder.Seeded.Any(s => (string?)m!["villageId"] == s.VillageId.ToString()));
    }
}
