using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PointsLedger.Households;

namespace PointsLedger.Api.Tests.Households;

[Collection(LedgerCollection.Name)]
public sealed class HouseholdTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    [Fact]
    public async Task A_registered_household_shows_its_id_number_only_masked()
    {
        var village = await _api.NewVillage();
        var idNumber = IdNumbers.Valid();

        var created = (await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo = "001", headName = "李四光", idNumber, phone = "13900000000" }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        Assert.Matches("^[0-9]{12}$", (string?)created.Json["cardNo"]);
        Assert.DoesNotContain(idNumber, created.Body);

        var read = await _api.Get($"/api/households/{created.Guid("householdId")}", village.Cadre);
        Assert.Equal($"{idNumber[..6]}************", (string?)read.Json["idNumber"]);
        Assert.DoesNotContain(idNumber, read.Body);
    }

    [Fact]
    public async Task The_card_number_is_shown_only_to_the_household_its_village_cadres_and_admins()
    {
        var village = await _api.NewVillage();
        var created = (await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo = "003", headName = "周大福", idNumber = IdNumbers.Valid() }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var household = created.Guid("householdId");
        var cardNo = (string)created.Json["cardNo"]!;
        string? CardSeenBy(string token) => (string?)_api.Get($"/api/households/{household}", token).Result.Json["cardNo"];

        Assert.Equal(cardNo, CardSeenBy(village.Cadre));
        Assert.Equal(cardNo, CardSeenBy(_api.Admin));
        Assert.Equal(cardNo, CardSeenBy(_api.Token("resident", householdId: household)));
        Assert.Null(CardSeenBy(village.Approver));
        Assert.Null(CardSeenBy(_api.Token("auditor")));
        (await _api.Get($"/api/households/{household}/card", _api.Token("auditor"))).ShouldBeProblem(HttpStatusCode.NotFound, "household-not-found");
    }

    [Fact]
    public async Task An_id_number_heads_or_joins_one_household_of_a_township_only()
    {
        var village = await _api.NewVillage();
        var neighbour = await _api.NewVillage();
        var elsewhere = await _api.NewVillage("明水街道");
        var idNumber = IdNumbers.Valid();
        object Head(string no) => new { householdNo = no, headName = "吴桂芳", idNumber };

        (await _api.Post($"/api/villages/{village.Id}/households", Head("004"), village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var twice = await _api.Post($"/api/villages/{neighbour.Id}/households", Head("004"), neighbour.Cadre);
        var asMember = await _api.Post($"/api/households/{await _api.NewHousehold(neighbour)}/members",
            new { name = "吴桂芳", idNumber, relation = "母亲" }, neighbour.Cadre);
        var otherTownship = await _api.Post($"/api/villages/{elsewhere.Id}/households", Head("004"), elsewhere.Cadre);

        twice.ShouldBeProblem(HttpStatusCode.Conflict, "id-number-taken");
        asMember.ShouldBeProblem(HttpStatusCode.Conflict, "id-number-taken");
        otherTownship.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Only_the_village_and_the_household_see_the_full_name_and_phone()
    {
        var village = await _api.NewVillage();
        var created = (await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo = "002", headName = "欧阳秀英", idNumber = IdNumbers.Valid(), phone = "13900000001" }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var url = $"/api/households/{created.Guid("householdId")}";

        var own = (await _api.Get(url, _api.Token("resident", householdId: created.Guid("householdId")))).Json;
        var auditor = (await _api.Get(url, _api.Token("auditor"))).Json;

        Assert.Equal("欧阳秀英", (string?)own["headName"]);
        Assert.Equal("13900000001", (string?)own["phone"]);
        Assert.Equal("欧**英", (string?)auditor["headName"]);
        Assert.Null(auditor["phone"]);
    }

    [Fact]
    public async Task A_household_number_is_registered_once_per_village()
    {
        var village = await _api.NewVillage();
        var other = await _api.NewVillage();
        await _api.NewHousehold(village, "007");

        (await _api.Post($"/api/villages/{village.Id}/households", new { householdNo = "007", headName = "王五", idNumber = IdNumbers.Valid() }, village.Cadre))
            .ShouldBeProblem(HttpStatusCode.Conflict, "household-number-taken");
        await _api.NewHousehold(other, "007");
    }

    [Fact]
    public async Task Racing_registrations_of_one_household_number_register_it_once()
    {
        var village = await _api.NewVillage();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            _api.Post($"/api/villages/{village.Id}/households", new { householdNo = "0099", headName = "王五", idNumber = IdNumbers.Valid() }, village.Cadre)));

        Assert.Single(responses, r => r.Status == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.Created), r => r.ShouldBeProblem(HttpStatusCode.Conflict, "household-number-taken"));
    }

    [Theory]
    [InlineData("110105194912310021")] // wrong check digit
    [InlineData("11010519491231002")]  // 17 characters
    [InlineData("110105194913310021")] // check digit right, but no 13th month
    public async Task A_bad_id_number_is_refused(string idNumber)
    {
        var village = await _api.NewVillage();

        var response = (await _api.Post($"/api/villages/{village.Id}/households", new { householdNo = "001", headName = "赵六", idNumber }, village.Cadre))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.True(response.Json["errors"]!.AsObject().ContainsKey("idNumber"));
    }

    [Fact]
    public async Task Over_long_names_and_malformed_json_are_bad_requests()
    {
        var village = await _api.NewVillage();

        (await _api.Post($"/api/villages/{village.Id}/households", new { householdNo = new string('1', 33), headName = new string('名', 33), idNumber = IdNumbers.Valid() }, village.Cadre))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await _api.Send(HttpMethod.Post, $"/api/villages/{village.Id}/households", village.Cadre, "{\"householdNo\": \"001\", "))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "malformed-request");
    }

    [Fact]
    public async Task Registering_in_an_unknown_village_is_not_found()
    {
        var admin = _api.Admin;
        (await _api.Post($"/api/villages/{Guid.NewGuid()}/households", new { householdNo = "001", headName = "赵六", idNumber = IdNumbers.Valid() }, admin))
            .ShouldBeProblem(HttpStatusCode.NotFound, "village-not-found");
    }

    [Fact]
    public async Task A_new_household_has_nothing_and_other_villages_cannot_see_it()
    {
        var village = await _api.NewVillage();
        var other = await _api.NewVillage();
        var household = await _api.NewHousehold(village);

        var balance = await _api.Balance(household);
        Assert.Equal(0, (int)balance["available"]!["total"]!);
        Assert.Equal(0, (int)balance["earned"]!["total"]!);

        (await _api.Get($"/api/households/{household}/balance", other.Cadre)).ShouldBeProblem(HttpStatusCode.NotFound, "household-not-found");
        (await _api.Get($"/api/households/{household}", _api.Token("resident", householdId: Guid.NewGuid())))
            .ShouldBeProblem(HttpStatusCode.NotFound, "household-not-found");
        (await _api.Get($"/api/households/{household}/balance", _api.Token("resident", householdId: household))).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_upgrade_step_claims_ID_numbers_registered_before_claims_and_reports_a_number_held_twice()
    {
        var township = $"旧数据街道{Guid.NewGuid():N}"[..12];
        var village = await _api.NewVillage(township);
        var idNumber = IdNumbers.Valid();
        async Task<Guid> RegisterAsBefore(string householdNo)
        {
            var id = (await _api.Post($"/api/villages/{village.Id}/households", new { householdNo, headName = "郑重", idNumber }, village.Cadre))
                .ShouldBe(HttpStatusCode.Created).Guid("householdId");
            await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            await new Npgsql.NpgsqlCommand($"delete from ledger.mt_doc_idnumberclaim where data ->> 'householdId' = '{id}'", connection).ExecuteNonQueryAsync();
            return id;
        }
        var first = await RegisterAsBefore("001");
        await RegisterAsBefore("002");
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        async Task<IdNumberClaimReport> Backfill()
        {
            await using var session = store.LightweightSession();
            var report = await IdNumberClaims.BackfillAsync(session, CancellationToken.None);
            await session.SaveChangesAsync();
            return report with { Conflicts = report.Conflicts.Where(c => c.Township == township).ToList() };
        }

        var once = await Backfill();
        var again = await Backfill();
        var third = await _api.Post($"/api/villages/{village.Id}/households", new { householdNo = "003", headName = "郑重", idNumber }, village.Cadre);

        Assert.Equal(new IdNumberConflict(township, village.Code, "002", village.Code, "001"), Assert.Single(once.Conflicts));
        Assert.Equal(0, again.Claimed);
        Assert.Single(again.Conflicts);
        third.ShouldBeProblem(HttpStatusCode.Conflict, "id-number-taken");
        await using var query = store.QuerySession();
        Assert.Equal(first, (await query.Query<IdNumberClaim>().SingleAsync(c => c.HouseholdId == first || c.Id.StartsWith(township))).HouseholdId);
    }
}
