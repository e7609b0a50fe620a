using System.Net;
using System.Security.Cryptography;

namespace PointsLedger.Api.Tests.Platform;

[Collection(LedgerCollection.Name)]
public sealed class OtherlyConfiguredAppTests(LedgerApp app)
{
    [Fact]
    public async Task A_burst_of_sign_ins_is_refused_with_retry_after()
    {
        await using var limited = await app.StartVariantAsync("Development", new Dictionary<string, string> { ["RateLimits:SignInPerMinute"] = "3", ["RateLimits:DevTokensPerMinute"] = "3", ["RateLimits:CodesPerMinute"] = "1" });
        using var http = limited.Server.CreateClient();

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add(await http.PostAsync("/api/auth/dev-token", new StringContent("""{"role":"admin"}""", System.Text.Encoding.UTF8, "application/json")));
        }

        Assert.Equal(3, statuses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = statuses.Last();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("too-many-requests", await refused.Content.ReadAsStringAsync());
        var signIns = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            signIns.Add((await http.PostAsync("/api/auth/sign-in",
                new StringContent("""{"login":"someone","password":"whatever1"}""", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], signIns);

        HttpContent Phone() => new StringContent("""{"phone":"13900000000"}""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/api/auth/resident/code", Phone())).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.PostAsync("/api/auth/resident/code", Phone())).StatusCode);
    }

    [Fact]
    public async Task A_burst_of_redemption_scans_from_one_clerk_is_refused()
    {
        await using var limited = await app.StartVariantAsync("Development", new Dictionary<string, string> { ["RateLimits:RedemptionsPerMinute"] = "2" });
        using var http = limited.Server.CreateClient();
        var token = await (await http.PostAsync("/api/auth/dev-token",
            new StringContent($$"""{"role":"clerk","merchantId":"{{Guid.NewGuid()}}"}""", System.Text.Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync();
        http.DefaultRequestHeaders.Authorization = new("Bearer", System.Text.Json.JsonDocument.Parse(token).RootElement.GetProperty("accessToken").GetString());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var quote = await http.PostAsync("/api/redemptions/quote",
                new StringContent($$"""{"merchantId":"{{Guid.NewGuid()}}","cardNo":"123456789012","idLast6":"123456"}""", System.Text.Encoding.UTF8, "application/json"));
            statuses.Add(quote.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_burst_of_objections_from_one_caller_is_refused()
    {
        await using var limited = await app.StartVariantAsync("Development", new Dictionary<string, string> { ["RateLimits:ObjectionsPerMinute"] = "2" });
        using var http = limited.Server.CreateClient();
        var token = await (await http.PostAsync("/api/auth/dev-token",
            new StringContent($$"""{"role":"resident","householdId":"{{Guid.NewGuid()}}"}""", System.Text.Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync();
        http.DefaultRequestHeaders.Authorization = new("Bearer", System.Text.Json.JsonDocument.Parse(token).RootElement.GetProperty("accessToken").GetString());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await http.PostAsync($"/api/villages/{Guid.NewGuid()}/notices/2026-10/objections",
                new StringContent("""{"text":"异议"}""", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Browsers_may_call_only_from_configured_origins()
    {
        await using var configured = await app.StartVariantAsync("Development", new Dictionary<string, string> { ["Cors:Origins:0"] = "https://miniapp.example" });
        using var http = configured.Server.CreateClient();

        async Task<HttpResponseMessage> Preflight(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/api/awards");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
            return await http.SendAsync(request);
        }

        var allowed = await Preflight("https://miniapp.example");
        var other = await Preflight("https://evil.example");

        Assert.Equal("https://miniapp.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Outside_development_there_is_no_dev_sign_in_and_keys_must_be_configured()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var production = await app.StartVariantAsync("Production", new Dictionary<string, string>
        {
            ["Auth:SigningKey"] = key,
            ["PersonalData:IdNumberKey"] = key,
            ["PaymentCodes:SigningKey"] = key,
            ["Wolverine:TypeLoadMode"] = "Dynamic",
        });
        using var http = production.Server.CreateClient();

        var devToken = await http.PostAsync("/api/auth/dev-token", new StringContent("""{"role":"admin"}""", System.Text.Encoding.UTF8, "application/json"));
        var anonymous = await http.GetAsync($"/api/villages/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, devToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
