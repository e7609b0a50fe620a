using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PointsLedger.Api.Tests.Redemptions;
using Wolverine.Runtime.Recurring;
using Wolverine.Tracking;

namespace PointsLedger.Api.Tests.Expiry;

[Collection(LedgerCollection.Name)]
public sealed class ExpiryTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour = 12, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private async Task Sweep() =>
        await app.Host.ExecuteAndWaitAsync(async () => (await _api.Post("/api/expiry/run", new { }, _api.Admin)).ShouldBe(HttpStatusCode.OK), 30_000);

    [Fact]
    public async Task Points_granted_in_a_year_expire_when_the_next_year_ends_and_earned_stays()
    {
        using var _ = app.Clock.Pin(Shanghai(2026, 6, 15));
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "orange", 10);
        var household = await _api.NewHousehold(village);
        (await _api.Award(village, household, rule, occurredOn: "2026-06-01")).ShouldBe(HttpStatusCode.Created);
        app.Clock.Set(Shanghai(2027, 3, 10));
        (await _api.Award(village, household, rule, occurredOn: "2027-03-01")).ShouldBe(HttpStatusCode.Created);

        app.Clock.Set(Shanghai(2027, 12, 31, 23, 59));
        await Sweep();
        Assert.Equal(20, (int)(await _api.Balance(household))["available"]!["orange"]!);

        app.Clock.Set(Shanghai(2028, 1, 1, 0, 0));
        await Sweep();
        var balance = await _api.Balance(household);
        Assert.Equal(10, (int)balance["available"]!["orange"]!);
        Assert.Equal(20, (int)balance["earned"]!["orange"]!);

        await Sweep();
        Assert.Equal(10, (int)(await _api.Balance(household))["available"]!["orange"]!);
        var expired = Assert.Single(await _api.Ledger(household), e => (string?)e!["kind"] == "expired")!;
        Assert.Equal(-10, (int)expired["available"]!);
        Assert.Equal("orange", (string?)expired["color"]);
    }

    [Fact]
    public async Task The_sweep_is_scheduled_every_night_at_one_china_time()
    {
        var schedules = await app.Host.Services.GetRequiredService<IRecurringScheduleControl>().QueryAsync(CancellationToken.None);

        var nightly = Assert.Single(schedules, s => s.Name == "daily-expiry");
        var next = TimeZoneInfo.ConvertTime(nightly.NextOccurrence!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Equal((1, 0), (next.Hour, next.Minute));
        Assert.False(nightly.Paused);
    }

    [Fact]
    public async Task Each_sweep_is_kept_with_its_day_the_node_that_ran_it_and_the_households_it_found_due()
    {
        using var _ = app.Clock.Pin(Shanghai(2026, 6, 15));
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village);
        (await _api.Award(village, household, await _api.NewRule(village, "orange", 10), occurredOn: "2026-06-01")).ShouldBe(HttpStatusCode.Created);
        app.Clock.Set(Shanghai(2029, 2, 3));

        await Sweep();

        var runs = (await _api.Get("/api/expiry/runs", _api.Admin)).ShouldBe(HttpStatusCode.OK).Json["runs"]!.AsArray();
        var run = Assert.Single(runs, r => (string?)r!["asOf"] == "2029-02-03")!;
        Assert.True((int)run["households"]! >= 1);
        Assert.Equal($"{Environment.MachineName}:{Environment.ProcessId}", (string?)run["node"]);
        Assert.Null(run["occurrence"]);
        Assert.Equal(0, await _api.Available(household));
        (await _api.Get("/api/expiry/runs", village.Cadre)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Only_admins_run_the_sweep()
    {
        var village = await _api.NewVillage();

        (await _api.Post("/api/expiry/run", new { }, village.Cadre)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}
