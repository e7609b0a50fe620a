using System.Diagnostics;

namespace PointsLedger.DemoSeed;

/// <summary>Registers the township and posts six months of awards the way cadres would: a batch per rule and month.</summary>
public sealed class Seeder(LedgerApi anonymous, int householdsPerVillage, Random random)
{
    private int _points;
    private int _awards;

    public async Task RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var admin = await anonymous.As("admin");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var months = Enumerable.Range(0, 6).Select(back => new DateOnly(today.Year, today.Month, 1).AddMonths(back - 5)).ToArray();

        for (var v = 0; v < Catalogue.Villages.Length; v++)
        {
            var name = Catalogue.Villages[v];
            var created = await admin.Send(HttpMethod.Post, "/api/villages", new { code = $"DZ{v + 1:D2}", name, township = Catalogue.Township }, conflictIsNull: true);
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
                await cadre.Post($"/api/villages/{villageId}/rules", new { rule.Code, rule.Color, rule.Title, rule.Points, rule.MonthlyCap, rule.RequiresApproval });
            }
            var households = await RegisterHouseholds(cadre, villageId, householdsPerVillage + random.Next(-20, 21));
            foreach (var month in months)
            {
                foreach (var rule in Catalogue.Rules)
                {
                    await AwardMonth(cadre, approver, villageId, households, rule, month, today);
                }
            }
            Console.WriteLine($"{name}: {households.Length} 户，累计 {_awards:N0} 条、{_points:N0} 分（{clock.Elapsed.TotalSeconds:0} 秒）");
        }
    }

    private async Task<Guid[]> RegisterHouseholds(LedgerApi cadre, Guid villageId, int count)
    {
        var ids = new Guid[count];
        var grids = random.Next(4, 21);
        var people = Enumerable.Range(0, count).Select(_ => (Name: Catalogue.HeadName(random), Id: Catalogue.IdNumber(random), Grid: random.Next(grids) + 1)).ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var created = await cadre.Post($"/api/villages/{villageId}/households",
                new { householdNo = $"{i + 1:D4}", headName = people[i].Name, idNumber = people[i].Id, grid = $"第{people[i].Grid}网格" });
            ids[i] = (Guid)created!["householdId"]!;
        });
        return ids;
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
