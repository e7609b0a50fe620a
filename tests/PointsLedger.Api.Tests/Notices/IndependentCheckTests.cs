using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PointsLedger.Api.Tests.Notices;

/// <summary>
/// An outsider checks a posted line with code written from RFC 6962 and the leaf encoding the verify page
/// publishes, nothing of ours; and every printed page says which notice it belongs to.
/// </summary>
[Collection(LedgerCollection.Name)]
public sealed class IndependentCheckTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);
    private readonly LastMonth _last = new(app);

    private async Task<(TestVillage Village, JsonNode Notice)> ClosedVillageAsync(int households)
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "purple", 6);
        for (var i = 1; i <= households; i++)
        {
            var household = (await _api.Post($"/api/villages/{village.Id}/households",
                new { householdNo = i == 2 ? "0\"2\\\t<" : $"{i:000}", headName = i % 2 == 0 ? "欧阳春花" : "张三明", idNumber = IdNumbers.Valid() }, village.Cadre)).ShouldBe(HttpStatusCode.Created).Guid("householdId");
            if (i % 3 != 0) await _api.AwardOn(village, household, rule, _last.Day(i % 27 + 1));
        }
        (await _api.CloseMonth(village, _last.Text)).ShouldBe(HttpStatusCode.Created);
        return (village, (await _api.Get($"/api/villages/{village.Id}/notices/{_last.Text}", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json);
    }

    [Fact]
    public async Task A_line_checks_against_the_root_with_an_rfc_6962_implementation_of_our_own()
    {
        var (village, notice) = await ClosedVillageAsync(11);
        var posted = notice["households"]!.AsArray();
        Assert.Contains(posted, l => ((string)l!["householdNo"]!).Contains('\\'));
        foreach (var line in posted.Select(l => l!).Where((l, i) => i == 0 || i == posted.Count - 1 || ((string)l!["householdNo"]!).Contains('\\')))
        {
            var number = Uri.EscapeDataString((string)line["householdNo"]!);
            var check = (await _api.Get($"/verify?village={village.Code}&month={_last.Text}&householdNo={number}&proof={line["proofCode"]}", token: null))
                .ShouldBe(HttpStatusCode.OK).Json;
            var path = check["auditPath"]!.AsArray().Select(h => Convert.FromHexString((string)h!)).ToList();

            var root = Rfc6962.RootFromInclusionProof(Rfc6962.LeafHash(Encoding.UTF8.GetBytes(LeafJson(check["line"]!))), (int)check["index"]!, (int)check["treeSize"]!, path);

            Assert.Equal(posted.Count, (int)check["treeSize"]!);
            Assert.Equal((string)notice["merkleRoot"]!, Convert.ToHexStringLower(root));
        }
    }

    [Fact]
    public async Task Every_printed_page_names_its_village_month_page_and_digest_and_the_sheet_reads_on_a_phone()
    {
        var (village, notice) = await ClosedVillageAsync(130);
        var pdf = await _api.Download($"/api/villages/{village.Id}/notices/{_last.Text}.pdf", village.Cadre);
        var html = (await _api.Get($"/api/villages/{village.Id}/notices/{_last.Text}.html", village.Cadre)).ShouldBe(HttpStatusCode.OK).Body;
        var digest = (string)notice["digest"]!;
        var shortDigest = string.Join(' ', digest[..16].Chunk(4).Select(c => new string(c)));
        var pages = int.Parse(PrintTools.Info(pdf)["Pages"], CultureInfo.InvariantCulture);

        Assert.True(pages >= 3, $"{pages} pages");
        for (var page = 1; page <= pages; page++)
        {
            var text = PrintTools.Text(pdf, page, page);
            Assert.Contains($"第 {page} / {pages} 页", text);
            Assert.Contains(shortDigest, text);
            Assert.Contains("测试村", text);
        }
        Assert.Contains((string)notice["merkleRoot"]!, PrintTools.Text(pdf, 1, 1).Replace("\n", "").Replace(" ", ""));
        Assert.Contains("name=\"viewport\" content=\"width=device-width", html);
        Assert.Contains((string)notice["merkleRoot"]!, html);
    }

    [Fact]
    public async Task The_notice_spreadsheet_has_the_lines_the_entries_and_the_digests_and_the_report_one_sheet_per_section()
    {
        var (village, notice) = await ClosedVillageAsync(4);
        var xlsx = await _api.Download($"/api/villages/{village.Id}/notices/{_last.Text}.xlsx", village.Cadre);
        var lines = PrintTools.SheetAsLibreOfficeReadsIt(xlsx, 1);
        var entries = PrintTools.SheetAsLibreOfficeReadsIt(xlsx, 2);
        var digests = PrintTools.SheetAsLibreOfficeReadsIt(xlsx, 3);
        await _api.ProjectionsCaughtUpAsync();
        var report = await _api.Download($"/api/reports/summary?from={_last.Text}&to={_last.Text}&format=xlsx", _api.Admin);
        var participation = PrintTools.SheetAsLibreOfficeReadsIt(report, 3);

        Assert.Equal("户号", lines[0][0]);
        Assert.Equal(["序号", "户号", "类型", "细则编码", "细则", "颜色", "分值", "日期", "台账页行", "时长（小时）"], entries[0]);
        Assert.Equal(notice["entries"]!.AsArray().Count, entries.Count - 1);
        Assert.Contains(digests, row => row[0] == "摘要" && row[1] == (string)notice["digest"]!);
        Assert.Contains(digests, row => row[0] == "默克尔根" && row[1] == (string)notice["merkleRoot"]!);
        Assert.Equal(["村编码", "村（社区）", "有得分户", "在册户", "参与率"], participation[0]);
        var row = participation.Single(r => r[0] == village.Code);
        Assert.Equal(("3", "4", "75.00%"), (row[2], row[3], row[4]));
    }

    /// <summary>The leaf's JSON as the verify page specifies it: fields in order, no spaces, \\ and \b \f \n \r \t, \uXXXX for the rest outside printable ASCII and for " &lt; &gt; &amp; ' + `.</summary>
    private static string LeafJson(JsonNode line)
    {
        static string Escape(char c) => c switch
        {
            '\\' => "\\\\",
            '\b' => "\\b",
            '\f' => "\\f",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            >= ' ' and <= '~' when !"\"<>&'+`".Contains(c) => c.ToString(),
            _ => $"\\u{(int)c:X4}",
        };
        static string Text(string value) => "\"" + string.Concat(value.Select(Escape)) + "\"";
        static string Totals(JsonNode t) => "{" + string.Join(',', new[] { "red", "purple", "orange", "green", "blue", "total" }.Select(k => $"\"{k}\":{(int)t[k]!}")) + "}";
        return "{" + string.Join(',',
            $"\"householdNo\":{Text((string)line["householdNo"]!)}", $"\"name\":{Text((string)line["name"]!)}",
            $"\"earned\":{Totals(line["earned"]!)}", $"\"yearToDate\":{Totals(line["yearToDate"]!)}",
            $"\"spent\":{(int)line["spent"]!}", $"\"available\":{(int)line["available"]!}", $"\"rank\":{(int)line["rank"]!}",
            $"\"proofCode\":{Text((string)line["proofCode"]!)}") + "}";
    }

    /// <summary>RFC 6962 §2.1 and RFC 9162 §2.1.3.2, written from the RFCs.</summary>
    private static class Rfc6962
    {
        public static byte[] LeafHash(byte[] data) => SHA256.HashData([0x00, .. data]);

        private static byte[] NodeHash(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

        public static byte[] RootFromInclusionProof(byte[] leafHash, int index, int treeSize, IReadOnlyList<byte[]> path)
        {
            long fn = index, sn = treeSize - 1;
            var r = leafHash;
            foreach (var p in path)
            {
                if (sn == 0) throw new InvalidOperationException("proof too long");
                if ((fn & 1) == 1 || fn == sn)
                {
                    r = NodeHash(p, r);
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
                else
                {
                    r = NodeHash(r, p);
                }
                fn >>= 1;
                sn >>= 1;
            }
            return sn == 0 ? r : throw new InvalidOperationException("proof too short");
        }
    }
}
