using System.Text.Json.Nodes;

namespace PointsLedger.Benchmarks;

public sealed class Scenarios(BenchmarkHost host, TimeSpan duration)
{
    private readonly LedgerHttp _cadre = new(host.Address, host.Tokens);
    private readonly LedgerHttp _admin = new(host.Address, host.Tokens);
    private readonly LedgerHttp _clerk = new(host.Address, host.Tokens);
    private Guid _villageId;
    private Guid[] _households = [];
    private (string CardNo, string IdLast6)[] _cards = [];
    private int _batchRules;

    public async Task PrepareAsync(int households)
    {
        _admin.SignIn("admin");
        _villageId = (Guid)(await _admin.PostAsync("/api/villages", new { code = $"BENCH-{Guid.NewGuid():N}"[..20], name = "基准村", township = "刁镇街道" }))["villageId"]!;
        _cadre.SignIn("cadre", _villageId);
        await _cadre.PostAsync($"/api/villages/{_villageId}/rules", new { code = "BENCH", color = "orange", title = "基准", points = 1 });

        var numbers = Enumerable.Range(1, households).ToArray();
        var ids = new Guid[households];
        var cards = new (string, string)[households];
        await Parallel.ForEachAsync(numbers, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
        {
            var idNumber = IdNumbers.For(n);
            var created = await _cadre.PostAsync($"/api/villages/{_villageId}/households",
                new { householdNo = $"{n:D5}", headName = NameFor(n), idNumber, phone = $"139{n:D8}" });
            ids[n - 1] = (Guid)created["householdId"]!;
            cards[n - 1] = ((string)created["cardNo"]!, idNumber[^6..]);
        });
        _households = ids;
        _cards = cards;

        var warmup = new Latencies();
        await Run(8, TimeSpan.FromSeconds(3), warmup, Award);
    }

    public async Task<string> SingleAwards(int clients)
    {
        var timings = new Latencies();
        await Run(clients, duration, timings, Award);
        return Row($"single award, {clients} client{(clients == 1 ? "" : "s")}", timings);
    }

    public async Task<string> BatchOfOneThousand()
    {
        var timings = new Latencies();
        var households = _households.Take(1_000).ToArray();
        for (var round = 0; round < 5; round++)
        {
            var rule = $"BATCH{Interlocked.Increment(ref _batchRules)}";
            await _cadre.PostAsync($"/api/villages/{_villageId}/rules", new { code = rule, color = "green", title = "批量", points = 2 });
            await timings.Time(async () =>
            {
                var result = await _cadre.PostAsync("/api/awards/batch",
                    new { villageId = _villageId, ruleCode = rule, householdIds = households, occurredOn = Today() }, Guid.NewGuid().ToString());
                if (result["awards"]!.AsArray().Count != households.Length) throw new InvalidOperationException("batch incomplete");
            });
        }
        timings.Stop();
        return Row("batch award to 1,000 households (5 runs)", timings);
    }

    public async Task<string> BalanceReadsDuringAwards(int awardClients, int readers)
    {
        var reads = new Latencies();
        var awards = Run(awardClients, duration, new Latencies(), Award);
        var balance = Run(readers, duration, reads, () => _cadre.GetAsync($"/api/households/{Pick()}/balance"));
        await Task.WhenAll(awards, balance);
        return Row($"balance read, {readers} readers during {awardClients}-client awards", reads);
    }

    /// <summary>Eight clerks at one supermarket, each scanning a household card and typing the ID digits.</summary>
    public async Task<string> RedemptionsByCard(int clerks)
    {
        var merchantId = (Guid)(await _admin.PostAsync("/api/merchants", new { name = "基准超市", kind = "supermarket", villageIds = new[] { _villageId } }))["merchantId"]!;
        var offerId = (Guid)(await _admin.PostAsync($"/api/merchants/{merchantId}/offers", new { title = "1 分抵 0.1 元", points = 1, cashValue = 0.10m }))["offerId"]!;
        _clerk.SignIn("clerk", merchantId: merchantId);
        await _cadre.PostAsync($"/api/villages/{_villageId}/rules", new { code = "STOCKUP", color = "red", title = "备兑", points = 1000 });
        foreach (var chunk in _households.Chunk(1_000))
        {
            await _cadre.PostAsync("/api/awards/batch", new { villageId = _villageId, ruleCode = "STOCKUP", householdIds = chunk, occurredOn = Today() });
        }

        var timings = new Latencies();
        await Run(clerks, duration, timings, () =>
        {
            var (cardNo, idLast6) = _cards[Random.Shared.Next(_cards.Length)];
            return _clerk.PostAsync("/api/redemptions", new { merchantId, offerId, cardNo, idLast6 }, Guid.NewGuid().ToString());
        });
        return Row($"redemption by card + ID digits, {clerks} clerks", timings);
    }

    /// <summary>
    /// A village of 1,000 households with twelve months of awards (three rules a month): closes the
    /// months in order, then reads the last notice as JSON, HTML and PDF five times each.
    /// </summary>
    public async Task<IEnumerable<string>> NoticeOfOneThousand()
    {
        var villageId = (Guid)(await _admin.PostAsync("/api/villages", new { code = $"NOTE-{Guid.NewGuid():N}"[..20], name = "公示村", township = "公示街道" }))["villageId"]!;
        var cadre = new LedgerHttp(host.Address, host.Tokens);
        cadre.SignIn("cadre", villageId);
        var approver = new LedgerHttp(host.Address, host.Tokens);
        approver.SignIn("approver", villageId);
        string[] rules = ["N1", "N2", "N3"];
        for (var r = 0; r < rules.Length; r++)
        {
            await cadre.PostAsync($"/api/villages/{villageId}/rules", new { code = rules[r], color = new[] { "red", "orange", "green" }[r], title = $"公示{r}", points = r + 1 });
        }
        var households = new Guid[1_000];
        await Parallel.ForEachAsync(Enumerable.Range(0, households.Length), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var created = await cadre.PostAsync($"/api/villages/{villageId}/households", new { householdNo = $"{i + 1:D4}", headName = "李四英", idNumber = IdNumbers.For(i + 1) });
            households[i] = (Guid)created["householdId"]!;
        });

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var months = Enumerable.Range(1, 12).Select(back => new DateOnly(today.Year, today.Month, 1).AddMonths(-back)).Reverse().ToList();
        foreach (var month in months)
        {
            foreach (var rule in rules)
            {
                var chosen = households.Where(_ => Random.Shared.NextDouble() < 0.6).ToArray();
                await cadre.PostAsync("/api/awards/batch", new { villageId, ruleCode = rule, householdIds = chosen, occurredOn = month.AddDays(9).ToString("yyyy-MM-dd") });
            }
        }

        var closes = new Latencies();
        foreach (var month in months)
        {
            await closes.Time(() => approver.PostAsync($"/api/villages/{villageId}/notices", new { month = month.ToString("yyyy-MM") }));
        }
        closes.Stop();
        var last = months[^1].ToString("yyyy-MM");
        var rows = new List<string> { Row("close a month: 1,000 households, up to 12 months of history (12 closes)", closes) };
        foreach (var (format, name) in new[] { ("", "JSON"), (".html", "HTML"), (".pdf", "PDF") })
        {
            var reads = new Latencies();
            for (var i = 0; i < 5; i++) await reads.Time(() => cadre.GetBytesAsync($"/api/villages/{villageId}/notices/{last}{format}"));
            reads.Stop();
            rows.Add(Row($"notice of 1,000 households as {name} (5 reads)", reads));
        }
        return rows;
    }

    /// <summary>
    /// A cadre looking for a household in the village of 3,000: by part of a name, by the phone's last
    /// four digits, by number, and the first and a later page of the list by points earned.
    /// </summary>
    public async Task<IEnumerable<string>> FindHouseholds(int readers)
    {
        var list = $"/api/villages/{_villageId}/households";
        var secondPage = (string)(await _cadre.GetAsync($"{list}?sort=earned"))["next"]!;
        var searches = new (string Name, Func<string> Url)[]
        {
            ("by part of a name", () => $"{list}?q={Uri.EscapeDataString(NameFor(Random.Shared.Next(1, _households.Length))[1..])}"),
            ("by the phone's last four digits", () => $"{list}?q={Random.Shared.Next(1, _households.Length) % 10_000:D4}"),
            ("by household number", () => $"{list}?q={Random.Shared.Next(1, _households.Length):D5}"),
            ("most earned first, first page of 50", () => $"{list}?sort=earned"),
            ("most earned first, second page", () => $"{list}?sort=earned&cursor={secondPage}"),
        };
        var rows = new List<string>();
        foreach (var (name, url) in searches)
        {
            var timings = new Latencies();
            await Run(readers, duration / 2, timings, () => _cadre.GetAsync(url()));
            rows.Add(Row($"find among {_households.Length:N0} households {name}, {readers} readers", timings));
        }
        return rows;
    }

    /// <summary>
    /// A new village's roster of 3,000 households and a paper ledger of 10,000 awards over them, each
    /// imported as a dry run and then committed: from the upload to the import's end, as the cadre waits.
    /// A small dry run of each kind first compiles the import's code, and each import starts once the
    /// projections of the one before have settled, so every figure is its own import's.
    /// </summary>
    public async Task<IEnumerable<string>> Imports()
    {
        var villageId = (Guid)(await _admin.PostAsync("/api/villages", new { code = $"IMP-{Guid.NewGuid():N}"[..20], name = "导入村", township = $"导入街道{Guid.NewGuid():N}"[..10] }))["villageId"]!;
        var cadre = new LedgerHttp(host.Address, host.Tokens);
        cadre.SignIn("cadre", villageId);
        await cadre.PostAsync($"/api/villages/{villageId}/rules", new { code = "PAPER", color = "green", title = "纸质台账", points = 1 });
        var roster = Roster(3_000);
        var ledger = Ledger(10_000);
        await ImportAsync(cadre, villageId, "households", Roster(50), dryRun: true);
        await ImportAsync(cadre, villageId, "awards", Ledger(50), dryRun: true);

        var rows = new List<string>();
        foreach (var (kind, file, name) in new[] { ("households", roster, "roster of 3,000 households"), ("awards", ledger, "paper ledger of 10,000 awards") })
        {
            foreach (var dryRun in new[] { true, false })
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
                var timing = new Latencies();
                await timing.Time(async () =>
                {
                    var done = await ImportAsync(cadre, villageId, kind, file, dryRun);
                    if ((int)done["created"]! != (int)done["rows"]!) throw new InvalidOperationException($"import {done["importId"]}: {done["refused"]} refused");
                });
                timing.Stop();
                rows.Add(Row($"import a {name} ({(dryRun ? "dry run" : "commit")}), upload to done", timing));
            }
        }
        return rows;
    }

    internal static byte[] Roster(int households) => PointsLedger.Imports.WorkbookWriter.Write("花名册",
        Enumerable.Range(1, households).Select(n => (IReadOnlyList<string?>)[$"{n:D5}", NameFor(n), IdNumbers.For(n), $"137{n:D8}"])
            .Prepend(["户号", "户主姓名", "身份证号", "手机号"]), [0, 2, 3]);

    internal static byte[] Ledger(int awards) => PointsLedger.Imports.WorkbookWriter.Write("积分台账",
        Enumerable.Range(1, awards).Select(n => (IReadOnlyList<string?>)[$"{n % 3_000 + 1:D5}", "PAPER", Today(), null, $"第{n / 25 + 1}页第{n % 25 + 1}行"])
            .Prepend(["户号", "细则编码", "日期", "备注", "纸质台账页行"]), [0]);

    internal static async Task<JsonNode> ImportAsync(LedgerHttp cadre, Guid villageId, string kind, byte[] file, bool dryRun)
    {
        var importId = (Guid)(await cadre.PostFileAsync($"/api/villages/{villageId}/imports?kind={kind}&dryRun={dryRun}", file, $"{kind}.xlsx"))["importId"]!;
        JsonNode state;
        do
        {
            await Task.Delay(100);
            state = await cadre.GetAsync($"/api/imports/{importId}");
        } while ((string?)state["status"] == "running");
        return state;
    }

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] GivenNames = ["建国", "秀英", "桂兰", "明", "红梅", "志强", "玉珍", "海燕", "军", "丽", "春生", "淑芬", "大山", "小梅"];

    private static string NameFor(int n) => Surnames[n % Surnames.Length] + GivenNames[n / Surnames.Length % GivenNames.Length] + (n % 3 == 0 ? "" : "子");

    private Task Award() => _cadre.PostAsync("/api/awards",
        new { householdId = Pick(), ruleCode = "BENCH", occurredOn = Today() }, Guid.NewGuid().ToString());

    private Guid Pick() => _households[Random.Shared.Next(_households.Length)];

    private static async Task Run(int clients, TimeSpan length, Latencies timings, Func<Task> call)
    {
        var until = DateTime.UtcNow + length;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (DateTime.UtcNow < until) await timings.Time(call);
        }));
        timings.Stop();
    }

    private static string Row(string name, Latencies t) =>
        $"| {name} | {t.Count:N0} | {t.PerSecond:N0} | {t.Percentile(50):0.0} | {t.Percentile(99):0.0} |";

    internal static string Today() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
}
