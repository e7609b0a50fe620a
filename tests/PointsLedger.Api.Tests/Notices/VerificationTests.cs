using System.Net;
using System.Text.Json.Nodes;
using Npgsql;

namespace PointsLedger.Api.Tests.Notices;

[Collection(LedgerCollection.Name)]
public sealed class VerificationTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);
    private readonly LastMonth _last = new(app);

    private async Task<(TestVillage Village, JsonNode Notice, Guid Award)> ClosedVillage()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "purple", 6);
        var award = await _api.AwardOn(village, await _api.NewHousehold(village, "001"), rule, _last.Day(4));
        await _api.AwardOn(village, await _api.NewHousehold(village, "002"), rule, _last.Day(5));
        await _api.AwardOn(village, await _api.NewHousehold(village, "003"), rule, _last.Day(6));
        (await _api.CloseMonth(village, _last.Text)).ShouldBe(HttpStatusCode.Created);
        var notice = (await _api.Get($"/api/villages/{village.Id}/notices/{_last.Text}", village.Cadre)).Json;
        return (village, notice, award);
    }

    private async Task<JsonArray> MismatchesOf(TestVillage village) =>
        new([.. (await _api.Post("/api/notices/audit", new { }, _api.Admin)).ShouldBe(HttpStatusCode.OK).Json["mismatches"]!.AsArray()
            .Where(m => (string?)m!["villageCode"] == village.Code).Select(m => m!.DeepClone())]);

    /// <summary>Edits the event table directly, as someone with database access could.</summary>
    private async Task Sql(Guid id, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            if (sql.Contains("$1")) command.Parameters.Add(new NpgsqlParameter { Value = id });
            await command.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Anyone_can_check_a_sheets_digest_without_signing_in()
    {
        var (village, notice, _) = await ClosedVillage();
        var shortDigest = ((string)notice["digest"]!)[..16];

        var valid = (await _api.Get($"/verify?village={village.Code}&month={_last.Text}&digest={shortDigest}", null)).ShouldBe(HttpStatusCode.OK).Json;
        var altered = (await _api.Get($"/verify?village={village.Code}&month={_last.Text}&digest={new string('0', 16)}", null)).Json;
        var wrongMonth = (await _api.Get($"/verify?village={village.Code}&month={_last.FirstDay.AddMonths(-1):yyyy-MM}&digest={shortDigest}", null)).Json;
        var page = await _api.Send(HttpMethod.Get, $"/verify?village={village.Code}&month={_last.Text}&digest={shortDigest}", null, accept: "text/html");
        var inEnglish = (await _api.Send(HttpMethod.Get, $"/verify?village={village.Code}&month={_last.Text}&digest={shortDigest}", null, language: "en")).Json;

        Assert.True((bool)valid["valid"]!);
        Assert.StartsWith("核验通过", (string?)valid["message"]);
        Assert.StartsWith("Verified", (string?)inEnglish["message"]);
        Assert.Equal((string?)notice["digest"], (string?)valid["digest"]);
        Assert.False((bool)altered["valid"]!);
        Assert.False((bool)wrongMonth["valid"]!);
        Assert.Contains("核验通过", page.Body);
    }

    [Fact]
    public async Task A_resident_checks_their_own_line_with_the_household_number_and_proof_code_printed_on_it()
    {
        var (village, notice, _) = await ClosedVillage();
        var line = notice["households"]![1]!;
        var query = $"/verify?village={village.Code}&month={_last.Text}&digest={((string)notice["digest"]!)[..16]}&householdNo={(string)line["householdNo"]!}";

        var own = (await _api.Get($"{query}&proof={((string)line["proofCode"]!).ToLowerInvariant()}", null)).Json;
        var guessed = (await _api.Get($"{query}&proof=00000000", null)).Json;
        var page = await _api.Send(HttpMethod.Get, $"{query}&proof={(string)line["proofCode"]!}", null, accept: "text/html");

        Assert.True((bool)own["lineValid"]!);
        Assert.Equal(line.ToJsonString(), own["line"]!.ToJsonString());
        Assert.False((bool)guessed["lineValid"]!);
        Assert.Null(guessed["line"]);
        Assert.Contains($"可用 {(int)line["available"]!}", page.Body);
    }

    [Fact]
    public async Task A_line_with_its_proof_code_checks_against_the_root_and_a_changed_line_does_not()
    {
        var (village, notice, _) = await ClosedVillage();
        var line = notice["households"]![1]!.DeepClone();
        var tampered = line.DeepClone();
        tampered["available"] = (int)line["available"]! + 10;
        var forged = line.DeepClone();
        forged["proofCode"] = "00000000";

        var valid = (await _api.Post("/verify/line", new { village = village.Code, month = _last.Text, line }, null)).ShouldBe(HttpStatusCode.OK).Json;
        var changed = (await _api.Post("/verify/line", new { village = village.Code, month = _last.Text, line = tampered }, null)).Json;
        var guessed = (await _api.Post("/verify/line", new { village = village.Code, month = _last.Text, line = forged }, null)).Json;
        var otherMonth = (await _api.Post("/verify/line", new { village = village.Code, month = _last.FirstDay.AddMonths(-1).ToString("yyyy-MM"), line }, null)).Json;

        Assert.True((bool)valid["valid"]!);
        Assert.Equal((string?)notice["merkleRoot"], (string?)valid["merkleRoot"]);
        Assert.Equal(2, valid["auditPath"]!.AsArray().Count);
        var others = notice["households"]!.AsArray().Where((_, i) => i != 1).ToList();
        Assert.All(others, other =>
        {
            Assert.DoesNotContain($"\"{(string)other!["householdNo"]!}\"", valid.ToJsonString());
            Assert.DoesNotContain((string)other["proofCode"]!, valid.ToJsonString());
        });
        Assert.False((bool)changed["valid"]!);
        Assert.False((bool)guessed["valid"]!);
        Assert.False((bool)otherMonth["valid"]!);
    }

    [Fact]
    public async Task Re_deriving_the_notice_from_the_events_finds_a_changed_or_deleted_event()
    {
        var (village, _, award) = await ClosedVillage();
        var clean = await MismatchesOf(village);

        await Sql(award, "update ledger.mt_events set data = jsonb_set(data, '{points}', '60') where id = $1");
        var changed = await MismatchesOf(village);
        await Sql(award, "update ledger.mt_events set data = jsonb_set(data, '{points}', '6') where id = $1");
        var restored = await MismatchesOf(village);

        await Sql(award, "create table if not exists public.deleted_events (like ledger.mt_events)",
            "insert into public.deleted_events select * from ledger.mt_events where id = $1", "delete from ledger.mt_events where id = $1");
        var deleted = await MismatchesOf(village);
        await Sql(award, "insert into ledger.mt_events select * from public.deleted_events where id = $1", "delete from public.deleted_events where id = $1");
        var reinstated = await MismatchesOf(village);

        Assert.Empty(clean);
        Assert.Contains(changed, m => (string?)m!["problem"] == "events-differ" && (string?)m["month"] == _last.Text);
        Assert.Empty(restored);
        Assert.Contains(deleted, m => (string?)m!["problem"] == "events-differ");
        Assert.Empty(reinstated);
    }
}
