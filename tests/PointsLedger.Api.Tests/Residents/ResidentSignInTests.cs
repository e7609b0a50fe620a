using System.Net;

namespace PointsLedger.Api.Tests.Residents;

[Collection(LedgerCollection.Name)]
public sealed class ResidentSignInTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    private static string NewPhone() => $"139{Random.Shared.Next(0, 100_000_000):D8}";

    private async Task<(Guid Household, string Phone, TestVillage Village)> RegisteredPhone()
    {
        var village = await _api.NewVillage();
        var phone = NewPhone();
        var household = (await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo = "0001", headName = "王秀英", idNumber = IdNumbers.Valid(), phone }, village.Cadre)).ShouldBe(HttpStatusCode.Created).Guid("householdId");
        return (household, phone, village);
    }

    private async Task<string> RequestCode(string phone)
    {
        (await _api.Post("/api/auth/resident/code", new { phone }, token: null)).ShouldBe(HttpStatusCode.OK);
        return app.Codes.LastCodeFor(phone)!;
    }

    private Task<Response> SignIn(string phone, string code) => _api.Post("/api/auth/resident/sign-in", new { phone, code }, token: null);

    [Fact]
    public async Task A_resident_signs_in_with_a_code_and_sees_their_own_household()
    {
        var (household, phone, village) = await RegisteredPhone();
        var rule = await _api.NewRule(village, "green", 4);
        (await _api.Award(village, household, rule)).ShouldBe(HttpStatusCode.Created);

        var signedIn = (await SignIn(phone, await RequestCode(phone))).ShouldBe(HttpStatusCode.OK).Json;
        var token = (string?)signedIn["accessToken"];

        Assert.Equal(household, Guid.Parse((string)signedIn["householdId"]!));
        Assert.Equal("王秀英", (string?)(await _api.Get("/api/me", token)).ShouldBe(HttpStatusCode.OK).Json["headName"]);
        Assert.Equal(4, (int)(await _api.Get("/api/me/balance", token)).ShouldBe(HttpStatusCode.OK).Json["available"]!["green"]!);
        Assert.Single((await _api.Get("/api/me/ledger", token)).ShouldBe(HttpStatusCode.OK).Json["entries"]!.AsArray());
        (await _api.Get("/api/me", village.Cadre)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_code_works_once_even_when_used_twice_at_the_same_moment()
    {
        var (_, phone, _) = await RegisteredPhone();
        var code = await RequestCode(phone);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SignIn(phone, code)));

        Assert.Single(attempts, r => r.Status == HttpStatusCode.OK);
        (await SignIn(phone, code)).ShouldBeProblem(HttpStatusCode.Unauthorized, "code-invalid");
    }

    [Fact]
    public async Task Five_wrong_codes_kill_the_code_and_an_old_code_expires()
    {
        var (_, phone, _) = await RegisteredPhone();
        var code = await RequestCode(phone);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++) (await SignIn(phone, wrong)).ShouldBeProblem(HttpStatusCode.Unauthorized, "code-invalid");
        (await SignIn(phone, code)).ShouldBeProblem(HttpStatusCode.Unauthorized, "code-invalid");

        var fresh = await RequestCode(phone);
        using (app.Clock.Pin(app.Clock.GetUtcNow().AddMinutes(6)))
        {
            (await SignIn(phone, fresh)).ShouldBeProblem(HttpStatusCode.Unauthorized, "code-invalid");
        }
    }

    [Fact]
    public async Task A_resident_binds_the_mini_app_once_and_then_signs_in_with_it()
    {
        var (household, phone, _) = await RegisteredPhone();
        var openId = $"o-{Guid.NewGuid():N}";
        (await _api.Post("/api/auth/mini-app/sign-in", new { code = $"wx:{openId}" }, token: null)).ShouldBeProblem(HttpStatusCode.Unauthorized, "mini-app-not-bound");
        var byPhone = (string?)(await SignIn(phone, await RequestCode(phone))).ShouldBe(HttpStatusCode.OK).Json["accessToken"];

        (await _api.Post("/api/me/mini-app", new { code = $"wx:{openId}" }, byPhone)).ShouldBe(HttpStatusCode.OK);
        var byMiniApp = (await _api.Post("/api/auth/mini-app/sign-in", new { code = $"wx:{openId}" }, token: null)).ShouldBe(HttpStatusCode.OK).Json;

        Assert.Equal(household, Guid.Parse((string)byMiniApp["householdId"]!));
        (await _api.Get("/api/me/balance", (string?)byMiniApp["accessToken"])).ShouldBe(HttpStatusCode.OK);
        (await _api.Post("/api/auth/mini-app/sign-in", new { code = "forged" }, token: null)).ShouldBeProblem(HttpStatusCode.Unauthorized, "mini-app-code-invalid");
    }

    [Fact]
    public async Task An_unregistered_phone_gets_the_same_answer_and_no_code()
    {
        var phone = NewPhone();

        (await _api.Post("/api/auth/resident/code", new { phone }, token: null)).ShouldBe(HttpStatusCode.OK);

        Assert.Null(app.Codes.LastCodeFor(phone));
    }
}
