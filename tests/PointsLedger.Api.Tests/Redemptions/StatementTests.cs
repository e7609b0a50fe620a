using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PointsLedger.Api.Tests.Redemptions;

[Collection(LedgerCollection.Name)]
public sealed class StatementTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    private static string MonthOf(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");

    [Fact]
    public async Task A_statement_lists_every_redemption_and_reversal_and_its_totals_equal_the_ledgers()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 10, cashValue: 10.00m);
        var sku = await _api.NewGoods(shop, 3, stock: 10, cashValue: 5.50m);
        var households = new[] { await _api.HouseholdWith(village, ("red", 40, null)), await _api.HouseholdWith(village, ("blue", 40, null)) };
        var ids = new List<Guid>();
        foreach (var household in households)
        {
            ids.Add((await _api.Redeem(_api.Admin, new { merchantId = shop.Id, offerId = offer, householdId = household })).Guid("redemptionId"));
            ids.Add((await _api.Redeem(_api.Admin, new { merchantId = shop.Id, items = new[] { new { sku, quantity = 2 } }, householdId = household }))
                .Guid("redemptionId"));
        }
        (await _api.Post($"/api/redemptions/{ids[0]}/reverse", new { reason = "重复扫码" }, shop.Clerk)).ShouldBe(HttpStatusCode.OK);
        var month = MonthOf(app.Clock.GetUtcNow());

        var statement = (await _api.Get($"/api/merchants/{shop.Id}/statements/{month}", shop.Clerk)).ShouldBe(HttpStatusCode.OK).Json;
        var csv = await _api.Download($"/api/merchants/{shop.Id}/statements/{month}.csv", shop.Clerk);
        var xlsx = await _api.Download($"/api/merchants/{shop.Id}/statements/{month}.xlsx", _api.Token("auditor"));

        var totals = statement["totals"]!;
        Assert.Equal((4, 1), ((int)totals["redemptions"]!, (int)totals["reversals"]!));
        Assert.Equal(2 * 16 - 10, (int)totals["points"]!);
        Assert.Equal(2 * 21.00m - 10.00m, (decimal)totals["cashValue"]!);
        var spentInLedgers = 0;
        foreach (var household in households)
        {
            spentInLedgers -= (await _api.Ledger(household)).Where(e => ((string?)e!["kind"])!.StartsWith("redemption")).Sum(e => (int)e!["available"]!);
        }
        Assert.Equal(spentInLedgers, (int)totals["points"]!);

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var csvLines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("类型,时间,小票号", csvLines[0]);
        Assert.Equal(1 + 5 + 1, csvLines.Length);
        Assert.EndsWith(",22,32.00", csvLines[^1]);

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(7, rows.Count);
        var lastRow = rows[^1].Elements<Cell>().ToList();
        Assert.Equal("合计", lastRow[0].InnerText);
        Assert.Equal("22", lastRow[^2].CellValue!.Text);
        Assert.Equal("32.00", lastRow[^1].CellValue!.Text);
    }

    [Fact]
    public async Task A_reversal_in_the_next_month_is_settled_in_that_month()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 5, cashValue: 2.00m);
        var household = await _api.HouseholdWith(village, ("green", 10, null));
        var now = app.Clock.GetUtcNow();
        var redeemedAt = new DateTimeOffset(now.Year, now.Month, 1, 20, 0, 0, TimeSpan.FromHours(8)).AddMonths(1).AddDays(-1);
        using var pinned = app.Clock.Pin(redeemedAt);
        var redemption = (await _api.Redeem(_api.Admin, new { merchantId = shop.Id, offerId = offer, householdId = household })).Guid("redemptionId");
        app.Clock.Set(redeemedAt.AddDays(2));
        (await _api.Post($"/api/redemptions/{redemption}/reverse", new { reason = "退货" }, shop.Clerk)).ShouldBe(HttpStatusCode.OK);

        var first = (await _api.Get($"/api/merchants/{shop.Id}/statements/{MonthOf(redeemedAt)}", _api.Admin)).Json;
        var second = (await _api.Get($"/api/merchants/{shop.Id}/statements/{MonthOf(redeemedAt.AddDays(2))}", _api.Admin)).Json;

        Assert.Equal("redemption", (string?)first["lines"]!.AsArray().Single()!["kind"]);
        Assert.Equal(5, (int)first["totals"]!["points"]!);
        Assert.Equal("reversal", (string?)second["lines"]!.AsArray().Single()!["kind"]);
        Assert.Equal(-2.00m, (decimal)second["totals"]!["cashValue"]!);
    }

    [Fact]
    public async Task The_township_summary_adds_up_its_merchants_statements_and_stays_in_its_township()
    {
        var township = $"街道{Guid.NewGuid():N}"[..12];
        var village = await _api.NewVillage(township);
        var pharmacy = await _api.NewShop(village, "pharmacy");
        var bank = await _api.NewShop(village, "bank");
        var household = await _api.HouseholdWith(village, ("red", 100, null));
        foreach (var (shop, points) in new[] { (pharmacy, 10), (bank, 20), (bank, 20) })
        {
            var offer = await _api.NewOffer(shop, points, cashValue: points / 10m);
            (await _api.Redeem(_api.Admin, new { merchantId = shop.Id, offerId = offer, householdId = household })).ShouldBe(HttpStatusCode.Created);
        }
        var month = MonthOf(app.Clock.GetUtcNow());

        var summary = (await _api.Get($"/api/statements/{month}?township={Uri.EscapeDataString(township)}", _api.Admin)).ShouldBe(HttpStatusCode.OK).Json;
        var ownAuditor = (await _api.Get($"/api/statements/{month}", _api.Token("auditor", township: township))).ShouldBe(HttpStatusCode.OK).Json;
        var otherAuditor = await _api.Get($"/api/statements/{month}?township={Uri.EscapeDataString(township)}", _api.Token("auditor", township: "明水街道"));
        var otherClerk = await _api.Get($"/api/merchants/{bank.Id}/statements/{month}", pharmacy.Clerk);

        var merchants = summary["merchants"]!.AsArray();
        Assert.Equal(2, merchants.Count);
        var bankStatement = (await _api.Get($"/api/merchants/{bank.Id}/statements/{month}", bank.Clerk)).Json;
        Assert.Equal((int)bankStatement["totals"]!["points"]!, (int)merchants.Single(m => (string?)m!["kind"] == "bank")!["points"]!);
        Assert.Equal(50, (int)summary["totals"]!["points"]!);
        Assert.Equal(5.0m, (decimal)summary["totals"]!["cashValue"]!);
        Assert.Equal(summary["totals"]!.ToJsonString(), ownAuditor["totals"]!.ToJsonString());
        otherAuditor.ShouldBeProblem(HttpStatusCode.Forbidden, "out-of-scope");
        otherClerk.ShouldBeProblem(HttpStatusCode.NotFound, "merchant-not-found");
        (await _api.Get($"/api/statements/2026-13", _api.Admin)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "invalid-month");
        (await _api.Get($"/api/statements/{month}.pdf", _api.Admin)).ShouldBeProblem(HttpStatusCode.NotFound, "unknown-format");
    }
}
