using System.Diagnostics;

namespace PointsLedger.DemoSeed;

/// <summary>
/// Registers the township and posts six months of awards the way cadres would, a batch per rule and
/// month; closes the five months that have ended; opens each village's points supermarket; and
/// redeems there today as residents would.
/// </summary>
public sealed class Seeder(LedgerApi anonymous, int householdsPerVillage, Random random, int villages = 14, string codePrefix = "DZ")
{
    private int _points;
    private int _awards;
    private int _redemptions;
    private readonly HashSet<string> _idNumbers = [];

    /// <summary>The villages this run registered, with their households.</summary>
    public List<(Guid VillageId, Guid[] Households)> Seeded { get; } = [];

    public async Task RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var admin = await anonymous.As("admin");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await DefineTemplates(admin);
        var months = Enumerable.Range(0, 6).Select(back => new DateOnly(today.Year, today.Month, 1).AddMonths(back - 5)).ToArray();

        for (var v = 0; v < Math.Min(villages, Catalogue.Villages.Length); v++)
        {
            var name = Catalogue.Villages[v];
            var created = await admin.Send(HttpMethod.Post, "/api/villages", new { code = $"{codePrefix}{v + 1:D2}", name, township = Catalogue.Township }, conflictIsNull: true);
            if (created is null)
            {
                Console.WriteLine($"{name} 已存在，跳过（演示数据已导入过）");
                continue;
            }
            var villageId = (Guid)created["villageId"]!;
            var cadre = await anonymous.As("cadre", villageId);
            var approver = await anonymous.As("approver", villageId);

            foreach (var rule in Catalogue.Rules)
            {
                await cadre.Post($"/api/villages/{villageId}/rules", new { template = rule.Code, rule.Points, rule.MonthlyCap, rule.RequiresApproval });
            }
            var households = await RegisterHouseholds(cadre, villageId, householdsPerVillage + random.Next(-householdsPerVillage / 10, householdsPerVillage / 10 + 1));
            foreach (var month in months)
            {
                foreach (var rule in Catalogue.Rules)
                {
                    await AwardMonth(cadre, approver, villageId, households, rule, month, today);
                }
            }
            foreach (var month in months.Where(m => m.AddMonths(1) <= today))
            {
                await approver.Post($"/api/villages/{villageId}/notices", new { month = month.ToString("yyyy-MM") });
            }
            // Each village's counter signs in on its own, as the supermarket's staff would (and the per-caller limit is per counter).
            await Redeem(await anonymous.As("admin", villageId), villageId, name, households);
            Seeded.Add((villageId, households));
            Console.WriteLine($"{name}: {households.Length} 户，累计 {_awards:N0} 条、{_points:N0} 分，兑换 {_redemptions:N0} 笔（{clock.Elapsed.TotalSeconds:0} 秒）");
        }
    }

    /// <summary>The village supermarket sells a few goods; one household in ten shops there today.</summary>
    private async Task Redeem(LedgerApi admin, Guid villageId, string villageName, Guid[] households)
    {
        var shop = (Guid)(await admin.Post("/api/merchants", new { name = $"{villageName}五色超市", kind = "supermarket", villageIds = new[] { villageId } }))!["merchantId"]!;
        foreach (var (sku, goods, points, cash) in Catalogue.Goods)
        {
            await admin.Post($"/api/merchants/{shop}/goods", new { sku, name = goods, points, cashValue = cash, stock = 500 });
        }
        foreach (var household in households.Where(_ => random.NextDouble() < 0.1))
        {
            var (sku, _, _, _) = Catalogue.Goods[random.Next(Catalogue.Goods.Length)];
            var quote = await admin.Post("/api/redemptions/quote", new { merchantId = shop, householdId = household });
            if ((int)quote!["goods"]!.AsArray().Single(g => (string?)g!["sku"] == sku)!["affordable"]! == 0) continue;
            await admin.Post("/api/redemptions", new { merchantId = shop, items = new[] { new { sku, quantity = 1 } }, householdId = household },
                idempotencyKey: $"demo-redeem-{household:N}");
            _redemptions++;
        }
    }

    private async Task<Guid[]> RegisterHouseholds(LedgerApi cadre, Guid villageId, int count)
    {
        var ids = new Guid[count];
        var grids = random.Next(4, 21);
        for (var grid = 1; grid <= grids; grid++)
        {
            await cadre.Post($"/api/villages/{villageId}/grids", new { code = GridCode(grid), name = $"第{grid}网格" });
        }
        var people = Enumerable.Range(0, count).Select(_ => (Name: Catalogue.HeadName(random), Id: NewIdNumber(), Grid: random.Next(grids) + 1)).ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var created = await cadre.Post($"/api/villages/{villageId}/households",
                new { householdNo = $"{i + 1:D4}", headName = people[i].Name, idNumber = people[i].Id, grid = GridCode(people[i].Grid) });
            ids[i] = (Guid)created!["householdId"]!;
        });
        return ids;
    }

    private static string GridCode(int grid) => $"G{grid:D2}";

    /// <summary>The township's catalogue (积分细则模板), each village adopting every template; defined once for the township.</summary>
    private static async Task DefineTemplates(LedgerApi admin)
    {
        foreach (var rule in Catalogue.Rules)
        {
            var (min, max) = rule.Points > 0 ? (Math.Max(1, rule.Points / 2), rule.Points * 2) : (rule.Points * 2, Math.Min(-1, rule.Points / 2));
            await admin.Send(HttpMethod.Post, $"/api/townships/{Uri.EscapeDataString(Catalogue.Township)}/rule-templates",
                new { rule.Code, rule.Color, rule.Title, minPoints = min, maxPoints = max }, conflictIsNull: true);
        }
    }

    /// <summary>An ID number belongs to one household of the township: draw again on a repeat.</summary>
    private string NewIdNumber()
    {
        string id;
        do id = Catalogue.IdNumber(random);
        while (!_idNumbers.Add(id));
        return id;
    }

    private async Task AwardMonth(LedgerApi cadre, LedgerApi approver, Guid villageId, Guid[] households, Catalogue.DemoRule rule, DateOnly month, DateOnly today)
    {
        var chosen = households.Where(_ => random.NextDouble() < rule.Share).ToArray();
        var day = month.AddDays(random.Next(28));
        if (chosen.Length == 0 || day > today) return;

        var result = await cadre.Post("/api/awards/batch",
            new { villageId, ruleCode = rule.Code, householdIds = chosen, occurredOn = day.ToString("yyyy-MM-dd") },
            idempotencyKey: $"demo-{villageId:N}-{rule.Code}-{month:yyyy-MM}");
        foreach (var award in result!["awards"]!.AsArray())
        {
            if ((string?)award!["status"] == "pending") await approver.Post($"/api/awards/{(Guid)award["awardId"]!}/approve", new { });
        }
        _awards += chosen.Length;
        _points += chosen.Length * rule.Points;
    }
}
