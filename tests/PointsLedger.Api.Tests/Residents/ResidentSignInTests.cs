using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PointsLedger.Http;
using PointsLedger.Residents;
using Wolverine;
using Wolverine.Tracking;

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
        var next = app.Codes.NextCodeFor(phone);
        (await _api.Post("/api/auth/resident/code", new { phone }, token: null)).ShouldBe(HttpStatusCode.OK);
        return await next;
    }

    /// <summary>The answer, and the codes the request sent once its messages have been handled.</summary>
    private async Task<(Response Answer, int CodesSent)> RequestTracked(string phone)
    {
        Response? answer = null;
        var tracked = await app.Host.TrackActivity().ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            answer = await _api.Post("/api/auth/resident/code", new { phone }, token: null)));
        var seal = app.Host.Services.GetRequiredService<CodeSeal>();
        return (answer!, tracked.Executed.MessagesOf<SendOneTimeCode>().Count(message => seal.Open(message.Sealed).Code is not null));
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
        var (_, registered, _) = await RegisteredPhone();

        var toRegistered = await RequestTracked(registered);
        var toUnknown = await RequestTracked(NewPhone());

        Assert.Equal((HttpStatusCode.OK, 1), (toRegistered.Answer.Status, toRegistered.CodesSent));
        Assert.Equal((HttpStatusCode.OK, 0), (toUnknown.Answer.Status, toUnknown.CodesSent));
        Assert.Equal(toRegistered.Answer.Body, toUnknown.Answer.Body);
    }

    [Fact]
    public async Task A_phone_gets_five_codes_a_day_and_the_sixth_request_is_answered_alike_but_sends_nothing()
    {
        var (_, phone, _) = await RegisteredPhone();
        for (var i = 0; i < 5; i++) await RequestCode(phone);

        var sixth = await RequestTracked(phone);

        Assert.Equal((HttpStatusCode.OK, 0), (sixth.Answer.Status, sixth.CodesSent));
        using (app.Clock.Pin(app.Clock.GetUtcNow().AddDays(1)))
        {
            (await SignIn(phone, await RequestCode(phone))).ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_new_code_keeps_the_wrong_tries_of_the_live_one_and_ten_wrong_tries_end_the_phones_day()
    {
        var (_, phone, _) = await RegisteredPhone();
        var noon = new DateTimeOffset(app.Clock.Today().ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
        using var pinned = app.Clock.Pin(noon);
        async Task Wrong(string code, int times)
        {
            var wrong = code == "000000" ? "111111" : "000000";
            for (var i = 0; i < times; i++) (await SignIn(phone, wrong)).ShouldBeProblem(HttpStatusCode.Unauthorized, "code-invalid");
        }

        await Wrong(await RequestCode(phone), 4);
        var whileLive = await RequestCode(phone);
        await Wrong(whileLive, 1);
        var killed = await SignIn(phone, whileLive);
        app.Clock.Set(noon.AddMinutes(10));
        await Wrong(await RequestCode(phone), 4);
        app.Clock.Set(noon.AddMinutes(20));
        var tenth = await RequestCode(phone);
        await Wrong(tenth, 1);
        var afterTen = await SignIn(phone, tenth);
        app.Clock.Set(noon.AddDays(1));
        var tomorrow = await SignIn(phone, await RequestCode(phone));

        killed.ShouldBeProblem(HttpStatusCode.Unauthorized, "code-invalid");
        afterTen.ShouldBeProblem(HttpStatusCode.Unauthorized, "code-invalid");
        tomorrow.ShouldBe(HttpStatusCode.OK);
    }
}
