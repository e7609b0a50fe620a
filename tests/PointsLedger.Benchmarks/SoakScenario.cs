using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PointsLedger.Benchmarks;

/// <summary>
/// `-- 1800 soak`: mixed load at half the peak rate of single awards, for the whole duration — single awards, reads of
/// balances, ledgers and the household list, redemptions by card, a batch every minute, and once each an
/// import (a roster and a paper ledger) and a month close — then, per sixth of the run, requests, errors,
/// p50/p99 and the API process's resident memory, and whether the run held: no error, the last sixth's
/// p99 within 1.5× the first's, memory within 20%.
/// </summary>
public sealed class SoakScenario(BenchmarkHost host, TimeSpan duration)
{
    private const int Households = 1_000;
    private const int Workers = 8;

    private readonly LedgerHttp _admin = new(host.Address, host.Tokens);
    private readonly LedgerHttp _cadre = new(host.Address, host.Tokens);
    private readonly LedgerHttp _approver = new(host.Address, host.Tokens);
    private readonly LedgerHttp _clerk = new(host.Address, host.Tokens);
    private readonly List<(TimeSpan At, double Milliseconds, string? Failure)> _requests = [];
    private readonly List<(TimeSpan At, long Bytes)> _memory = [];
    private readonly Stopwatch _clock = new();
    private Guid _villageId;
    private Guid _merchantId;
    private Guid _offerId;
    private Guid[] _households = [];
    private (string CardNo, string IdLast6)[] _cards = [];
    private int _batches;

    public async Task<IReadOnlyList<string>> RunAsync()
    {
        await PrepareAsync();
        var peak = await PeakAsync();
        var rate = peak / 2;
        Console.WriteLine($"peak {peak:0} awards/s at 8 clients; soaking at {rate:0} requests/s for {duration.TotalMinutes:0.#} min");

        using var stop = new CancellationTokenSource(duration);
        _clock.Start();
        var paced = Enumerable.Range(0, Workers).Select(worker => PacedAsync(rate / Workers, worker, stop.Token)).ToList();
        var jobs = new[] { BatchesAsync(stop.Token), OnceAsync(duration / 3, ImportsAsync, stop.Token), OnceAsync(duration * 2 / 3, CloseLastMonthAsync, stop.Token), SampleMemoryAsync(stop.Token) };
        await Task.WhenAll(paced.Concat(jobs));
        return Report(rate);
    }

    private async Task PrepareAsync()
    {
        _admin.SignIn("admin");
        _villageId = (Guid)(await _admin.PostAsync("/api/villages", new { code = $"SOAK-{Guid.NewGuid():N}"[..20], name = "耐久村", township = "耐久街道" }))["villageId"]!;
        _cadre.SignIn("cadre", _villageId);
        _approver.SignIn("approver", _villageId);
        await _cadre.PostAsync($"/api/villages/{_villageId}/rules", new { code = "SOAK", color = "orange", title = "耐久", points = 1 });
        await _cadre.PostAsync($"/api/villages/{_villageId}/rules", new { code = "STOCK", color = "red", title = "备兑", points = 1000 });
        _households = new Guid[Households];
        _cards = new (string, string)[Households];
        await Parallel.ForEachAsync(Enumerable.Range(1, Households), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
        {
            var idNumber = IdNumbers.For(10_000 + n);
            var created = await _cadre.PostAsync($"/api/villages/{_villageId}/households", new { householdNo = $"{n:D5}", headName = "赵耐久", idNumber, phone = $"136{n:D8}" });
            _households[n - 1] = (Guid)created["householdId"]!;
            _cards[n - 1] = ((string)created["cardNo"]!, idNumber[^6..]);
        });
        // Enough to spend for the whole run: a redemption takes one point.
        await _cadre.PostAsync("/api/awards/batch", new { villageId = _villageId, ruleCode = "STOCK", householdIds = _households, occurredOn = Scenarios.Today() });
        _merchantId = (Guid)(await _admin.PostAsync("/api/merchants", new { name = "耐久超市", kind = "supermarket", villageIds = new[] { _villageId } }))["merchantId"]!;
        _offerId = (Guid)(await _admin.PostAsync($"/api/merchants/{_merchantId}/offers", new { title = "1 分抵 0.1 元", points = 1, cashValue = 0.10m }))["offerId"]!;
        _clerk.SignIn("clerk", merchantId: _merchantId);
    }

    private async Task<double> PeakAsync()
    {
        var timings = new Latencies();
        var until = DateTime.UtcNow.AddSeconds(15);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (DateTime.UtcNow < until) await timings.Time(Award);
        }));
        timings.Stop();
        return timings.PerSecond;
    }

    /// <summary>
    /// One worker's share of the rate, a request per tick. Each is timed from its tick, not from when it
    /// went out: a request held up behind a slow one counts its wait, so a slow spell shows in p99.
    /// </summary>
    private async Task PacedAsync(double perSecond, int worker, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var tick = TimeSpan.FromSeconds(worker * interval.TotalSeconds / Workers);
        while (!stop.IsCancellationRequested)
        {
            var wait = tick - _clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, stop); } catch (TaskCanceledException) { return; }
            }
            await TimeAsync(MixedRequest, tick);
            tick += interval;
        }
    }

    /// <summary>The day's mix at a village office and its supermarket.</summary>
    private Task MixedRequest()
    {
        var pick = Random.Shared.Next(100);
        return pick switch
        {
            < 40 => Award(),
            < 60 => _cadre.GetAsync($"/api/households/{Pick()}/balance"),
            < 70 => _cadre.GetAsync($"/api/households/{Pick()}/ledger"),
            < 80 => _cadre.GetAsync($"/api/villages/{_villageId}/households?q={Random.Shared.Next(1, Households):D5}"),
            _ => Redeem(),
        };
    }

    private async Task BatchesAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(TimeSpan.FromMinutes(1), stop); } catch (TaskCanceledException) { return; }
            await TimeAsync(() => BatchAsync($"SB{Interlocked.Increment(ref _batches)}"));
        }
    }

    /// <summary>A new rule awarded at once to a fifth of the village.</summary>
    private async Task BatchAsync(string rule)
    {
        await _cadre.PostAsync($"/api/villages/{_villageId}/rules", new { code = rule, color = "green", title = "批量", points = 2 });
        var chosen = _households.Where(_ => Random.Shared.NextDouble() < 0.2).ToArray();
        await _cadre.PostAsync("/api/awards/batch", new { villageId = _villageId, ruleCode = rule, householdIds = chosen, occurredOn = Scenarios.Today() }, Guid.NewGuid().ToString());
    }

    private async Task OnceAsync(TimeSpan at, Func<Task> job, CancellationToken stop)
    {
        try { await Task.Delay(at, stop); } catch (TaskCanceledException) { return; }
        await TimeAsync(job);
    }

    /// <summary>A new village's roster of 3,000 and a paper ledger of 3,000 awards, imported for real.</summary>
    private async Task ImportsAsync()
    {
        var villageId = (Guid)(await _admin.PostAsync("/api/villages", new { code = $"SIMP-{Guid.NewGuid():N}"[..20], name = "导入村", township = "耐久街道" }))["villageId"]!;
        var cadre = new LedgerHttp(host.Address, host.Tokens);
        cadre.SignIn("cadre", villageId);
        await cadre.PostAsync($"/api/villages/{villageId}/rules", new { code = "PAPER", color = "green", title = "纸质台账", points = 1 });
        foreach (var (kind, file) in new[] { ("households", Scenarios.Roster(3_000)), ("awards", Scenarios.Ledger(3_000)) })
        {
            var done = await Scenarios.ImportAsync(cadre, villageId, kind, file, dryRun: false);
            if ((int)done["created"]! != (int)done["rows"]!) throw new InvalidOperationException($"import {done["importId"]}: {done["refused"]} refused");
        }
        Console.WriteLine($"imports done at {_clock.Elapsed:mm\\:ss}");
    }

    private async Task CloseLastMonthAsync()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM");
        await _approver.PostAsync($"/api/villages/{_villageId}/notices", new { month });
        Console.WriteLine($"month {month} closed at {_clock.Elapsed:mm\\:ss}");
    }

    private async Task SampleMemoryAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var bytes = host.ApiResidentBytes();
            lock (_memory) _memory.Add((_clock.Elapsed, bytes));
            try { await Task.Delay(TimeSpan.FromSeconds(10), stop); } catch (TaskCanceledException) { return; }
        }
    }

    /// <summary>Times a request from <paramref name="due"/>, when it should have gone out (now unless given).</summary>
    private async Task TimeAsync(Func<Task> request, TimeSpan? due = null)
    {
        var at = due ?? _clock.Elapsed;
        string? failure = null;
        try
        {
            await request();
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            failure = e.Message;
        }
        lock (_requests) _requests.Add((at, (_clock.Elapsed - at).TotalMilliseconds, failure));
    }

    private IReadOnlyList<string> Report(double rate)
    {
        var sixth = duration / 6;
        var windows = Enumerable.Range(0, 6).Select(i =>
        {
            var requests = _requests.Where(r => r.At >= sixth * i && r.At < sixth * (i + 1)).ToList();
            var memory = _memory.Where(m => m.At >= sixth * i && m.At < sixth * (i + 1)).Select(m => (double)m.Bytes).DefaultIfEmpty(double.NaN).Average();
            var sorted = requests.Select(r => r.Milliseconds).Order().ToArray();
            double P(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
            return (From: sixth * i, Count: requests.Count, Errors: requests.Count(r => r.Failure is not null), P50: P(50), P99: P(99), Memory: memory);
        }).ToList();

        var rows = windows.Select(w =>
            $"| {w.From:mm\\:ss}–{w.From + sixth:mm\\:ss} | {w.Count:N0} | {w.Count / sixth.TotalSeconds:N0} | {w.Errors} | {w.P50:0.0} | {w.P99:0.0} | {w.Memory / 1024 / 1024:N0} |").ToList();
        var errors = _requests.Where(r => r.Failure is not null).ToList();
        var p99Ratio = windows[^1].P99 / windows[0].P99;
        var memoryRatio = windows[^1].Memory / windows[0].Memory;
        rows.Add("");
        rows.Add($"{_requests.Count:N0} requests at {rate:0}/s asked; {errors.Count} errors ({(errors.Count == 0 ? "none" : errors[0].Failure)}); "
            + $"p99 last/first sixth {p99Ratio:0.00} ({(p99Ratio <= 1.5 ? "flat" : "NOT flat")}); memory last/first sixth {memoryRatio:0.00} "
            + $"({(Math.Abs(memoryRatio - 1) <= 0.2 ? "flat" : "NOT flat")})");
        return rows;
    }

    private Task Award() => _cadre.PostAsync("/api/awards", new { householdId = Pick(), ruleCode = "SOAK", occurredOn = Scenarios.Today() }, Guid.NewGuid().ToString());

    private Task Redeem()
    {
        var (cardNo, idLast6) = _cards[Random.Shared.Next(_cards.Length)];
        return _clerk.PostAsync("/api/redemptions", new { merchantId = _merchantId, offerId = _offerId, cardNo, idLast6 }, Guid.NewGuid().ToString());
    }

    private Guid Pick() => _households[Random.Shared.Next(_households.Length)];

    public const string Header = "| window | requests | per second | errors | p50 ms | p99 ms | API memory MB |";
}
