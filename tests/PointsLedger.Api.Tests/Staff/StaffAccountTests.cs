using System.Net;
using PointsLedger.Http;
using Npgsql;

namespace PointsLedger.Api.Tests.Staff;

[Collection(LedgerCollection.Name)]
public sealed class StaffAccountTests(LedgerApp app)
{
    private const string Password = "Wuse2026jifen";
    private readonly LedgerClient _api = new(app);

    private async Task<(Guid AccountId, string Login)> NewCadre(TestVillage village)
    {
        var login = $"cadre{Guid.NewGuid():N}"[..16];
        var created = (await _api.Post("/api/staff", new { login, displayName = "刘建国", role = "cadre", villageId = village.Id, password = Password }, _api.Admin))
            .ShouldBe(HttpStatusCode.Created);
        return (created.Guid("accountId"), login);
    }

    private Task<Response> SignIn(string login, string password) => _api.Post("/api/auth/sign-in", new { login, password }, token: null);

    [Fact]
    public async Task A_staff_member_signs_in_refreshes_and_signs_out()
    {
        var village = await _api.NewVillage();
        var (_, login) = await NewCadre(village);

        var signedIn = (await SignIn(login, Password)).ShouldBe(HttpStatusCode.OK).Json;
        (await _api.Get($"/api/villages/{village.Id}", (string?)signedIn["accessToken"])).ShouldBe(HttpStatusCode.OK);

        var refreshed = (await _api.Post("/api/auth/refresh", new { refreshToken = (string?)signedIn["refreshToken"] }, token: null)).ShouldBe(HttpStatusCode.OK).Json;
        (await _api.Get($"/api/villages/{village.Id}", (string?)refreshed["accessToken"])).ShouldBe(HttpStatusCode.OK);
        (await _api.Post("/api/auth/refresh", new { refreshToken = (string?)signedIn["refreshToken"] }, token: null))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "refresh-token-invalid");

        (await _api.Post("/api/auth/sign-out", new { refreshToken = (string?)refreshed["refreshToken"] }, token: null)).ShouldBe(HttpStatusCode.NoContent);
        (await _api.Post("/api/auth/refresh", new { refreshToken = (string?)refreshed["refreshToken"] }, token: null))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "refresh-token-invalid");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_answered_like_any_wrong_password_until_an_admin_resets_it()
    {
        var village = await _api.NewVillage();
        var (accountId, login) = await NewCadre(village);

        for (var i = 0; i < 5; i++) (await SignIn(login, "wrong-password-1")).ShouldBeProblem(HttpStatusCode.Unauthorized, "sign-in-failed");
        (await SignIn(login, Password)).ShouldBeProblem(HttpStatusCode.Unauthorized, "sign-in-failed");

        (await _api.Post($"/api/staff/{accountId}/password", new { password = "Another2026pw" }, _api.Admin)).ShouldBe(HttpStatusCode.NoContent);
        (await SignIn(login, "Another2026pw")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_a_lockout_runs_out_the_owner_signs_in_and_is_told_of_it()
    {
        var village = await _api.NewVillage();
        var (_, login) = await NewCadre(village);
        var noon = new DateTimeOffset(app.Clock.Today().ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
        using var pinned = app.Clock.Pin(noon);

        for (var i = 0; i < 5; i++) (await SignIn(login, "wrong-password-1")).ShouldBeProblem(HttpStatusCode.Unauthorized, "sign-in-failed");
        app.Clock.Set(noon.AddMinutes(16));
        var oneMoreWrong = await SignIn(login, "wrong-password-1");
        var signedIn = (await SignIn(login, Password)).ShouldBe(HttpStatusCode.OK).Json;
        var next = (await SignIn(login, Password)).ShouldBe(HttpStatusCode.OK).Json;

        oneMoreWrong.ShouldBeProblem(HttpStatusCode.Unauthorized, "sign-in-failed");
        Assert.Equal(6, (int?)signedIn["failedSignInsSinceLast"]);
        Assert.Equal(noon.AddMinutes(15), (DateTimeOffset?)signedIn["lockedUntil"]);
        Assert.Equal(0, (int?)next["failedSignInsSinceLast"]);
        Assert.Null(next["lockedUntil"]);
    }

    [Fact]
    public async Task A_password_reset_ends_every_session_of_the_account()
    {
        var village = await _api.NewVillage();
        var (accountId, login) = await NewCadre(village);
        var before = (await SignIn(login, Password)).ShouldBe(HttpStatusCode.OK).Json;

        (await _api.Post($"/api/staff/{accountId}/password", new { password = "Another2026pw" }, _api.Admin)).ShouldBe(HttpStatusCode.NoContent);

        (await _api.Post("/api/auth/refresh", new { refreshToken = (string?)before["refreshToken"] }, token: null))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "refresh-token-invalid");
        (await SignIn(login, Password)).ShouldBeProblem(HttpStatusCode.Unauthorized, "sign-in-failed");
    }

    [Fact]
    public async Task An_account_is_opened_only_for_what_lies_in_the_admins_township_and_takes_its_township_from_it()
    {
        var village = await _api.NewVillage();
        var foreign = await _api.NewVillage("明水街道");
        var foreignShop = (await _api.Post("/api/merchants", new { name = "明水药店", kind = "pharmacy", villageIds = new[] { foreign.Id } }, _api.Admin)).Guid("merchantId");
        var ownShop = (await _api.Post("/api/merchants", new { name = "刁镇药店", kind = "pharmacy", villageIds = new[] { village.Id } }, _api.Admin)).Guid("merchantId");
        var townshipAdmin = _api.Token("admin", township: "刁镇街道");
        object Clerk(Guid merchantId) => new { login = $"clerk{Guid.NewGuid():N}"[..16], displayName = "收银", role = "clerk", merchantId, password = Password };

        var foreignClerk = await _api.Post("/api/staff", Clerk(foreignShop), townshipAdmin);
        var foreignHousehold = await _api.Post("/api/staff", new { login = $"cadre{Guid.NewGuid():N}"[..16], displayName = "刘", role = "cadre",
            villageId = village.Id, householdId = await _api.NewHousehold(foreign), password = Password }, townshipAdmin);
        var login = $"clerk{Guid.NewGuid():N}"[..16];
        (await _api.Post("/api/staff", new { login, displayName = "收银", role = "clerk", merchantId = ownShop, password = Password }, townshipAdmin))
            .ShouldBe(HttpStatusCode.Created);
        var clerk = (string?)(await SignIn(login, Password)).ShouldBe(HttpStatusCode.OK).Json["accessToken"];

        foreignClerk.ShouldBeProblem(HttpStatusCode.NotFound, "merchant-not-found");
        foreignHousehold.ShouldBeProblem(HttpStatusCode.NotFound, "household-not-found");
        (await _api.Get($"/api/merchants/{ownShop}", clerk)).ShouldBe(HttpStatusCode.OK);
        (await _api.Get($"/api/merchants/{foreignShop}", _api.Token("clerk", merchantId: foreignShop, township: "刁镇街道")))
            .ShouldBeProblem(HttpStatusCode.NotFound, "merchant-not-found");
    }

    [Fact]
    public async Task A_cadre_linked_to_their_household_cannot_award_it()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "orange", 5);
        var own = await _api.NewHousehold(village);
        var neighbour = await _api.NewHousehold(village);
        var login = $"linked{Guid.NewGuid():N}"[..16];
        (await _api.Post("/api/staff", new { login, displayName = "张三明", role = "cadre", villageId = village.Id, householdId = own, password = Password }, _api.Admin))
            .ShouldBe(HttpStatusCode.Created);
        var token = (string?)(await SignIn(login, Password)).ShouldBe(HttpStatusCode.OK).Json["accessToken"];

        (await _api.Award(village, own, rule, token: token)).ShouldBeProblem(HttpStatusCode.Forbidden, "self-award");
        (await _api.Award(village, neighbour, rule, token: token)).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Unknown_wrong_locked_and_disabled_logins_get_one_answer_to_the_byte_but_its_trace_id()
    {
        var village = await _api.NewVillage();
        var (_, wrong) = await NewCadre(village);
        var (_, locked) = await NewCadre(village);
        var (disabledId, disabled) = await NewCadre(village);
        for (var i = 0; i < 5; i++) await SignIn(locked, "wrong-password-1");
        (await _api.Post($"/api/staff/{disabledId}/disable", new { reason = "调离" }, _api.Admin)).ShouldBe(HttpStatusCode.NoContent);
        static string WithoutTrace(Response answer)
        {
            var body = answer.ShouldBe(HttpStatusCode.Unauthorized).Json.AsObject();
            Assert.NotNull(body["traceId"]);
            body.Remove("traceId");
            return body.ToJsonString();
        }

        var answers = new[] { await SignIn("nobody-here", Password), await SignIn(wrong, "wrong-password-1"), await SignIn(locked, Password), await SignIn(disabled, Password) }
            .Select(WithoutTrace).ToList();

        Assert.Single(answers.Distinct());
        Assert.Contains("sign-in-failed", answers[0]);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var village = await _api.NewVillage();
        var (accountId, login) = await NewCadre(village);

        (await _api.Post($"/api/staff/{accountId}/disable", new { reason = "调离" }, _api.Admin)).ShouldBe(HttpStatusCode.NoContent);

        (await SignIn(login, Password)).ShouldBeProblem(HttpStatusCode.Unauthorized, "sign-in-failed");
    }

    [Fact]
    public async Task Accounts_are_opened_by_admins_with_unique_logins_and_real_passwords()
    {
        var village = await _api.NewVillage();
        var (_, login) = await NewCadre(village);

        (await _api.Post("/api/staff", new { login, displayName = "重复", role = "cadre", villageId = village.Id, password = Password }, _api.Admin))
            .ShouldBeProblem(HttpStatusCode.Conflict, "login-taken");
        var weak = (await _api.Post("/api/staff", new { login = "weak1", displayName = "弱", role = "cadre", villageId = village.Id, password = "123456" }, _api.Admin))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(weak.Json["errors"]!.AsObject().ContainsKey("password"));
        (await _api.Post("/api/staff", new { login = "x1", displayName = "越权", role = "admin", password = Password }, village.Cadre))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_first_admin_comes_from_the_bootstrap_settings_of_an_empty_database()
    {
        var database = $"bootstrap_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"create database {database}", connection).ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = database }.ConnectionString;

        await using var fresh = await app.StartVariantAsync("Development", new Dictionary<string, string>
        {
            ["ConnectionStrings:PointsLedger"] = connectionString,
            ["Bootstrap:AdminLogin"] = "zhen-admin",
            ["Bootstrap:AdminPassword"] = Password,
        });
        using var http = fresh.Server.CreateClient();

        var response = await http.PostAsync("/api/auth/sign-in",
            new StringContent($$"""{"login":"zhen-admin","password":"{{Password}}"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
