using System.Net;
using System.Security.Cryptography;
using Alba;
using Wolverine;
using Wolverine.Tracking;

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

    private static string NewKey(int bytes = 32) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));

    private static Dictionary<string, string> Deployed(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string>
        {
            ["Auth:SigningKey"] = NewKey(),
            ["PersonalData:IdNumberKey"] = NewKey(),
            ["PaymentCodes:SigningKey"] = NewKey(),
            ["Notices:PublicBaseUrl"] = "https://jifen.example.gov.cn",
            ["Wolverine:TypeLoadMode"] = "Dynamic",
        };
        foreach (var (key, value) in overrides) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task Outside_development_there_is_no_dev_sign_in_no_swagger_and_only_the_public_host_is_answered()
    {
        await using var production = await app.StartVariantAsync("Production", Deployed());
        using var http = production.Server.CreateClient();

        var devToken = await http.PostAsync("/api/auth/dev-token", new StringContent("""{"role":"admin"}""", System.Text.Encoding.UTF8, "application/json"));
        var anonymous = await http.GetAsync($"/api/villages/{Guid.NewGuid()}");
        var swagger = await http.GetAsync("/swagger/v1/swagger.json");
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { Host = "evil.example" } };
        using var ours = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { Host = "jifen.example.gov.cn" } };

        Assert.Equal(HttpStatusCode.NotFound, devToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, swagger.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(ours)).StatusCode);
    }

    [Theory]
    [InlineData("Auth:SigningKey", null)]
    [InlineData("PersonalData:IdNumberKey", "short")]
    [InlineData("PaymentCodes:SigningKey", null)]
    [InlineData("Notices:PublicBaseUrl", null)]
    [InlineData("Notices:PublicBaseUrl", "http://jifen.example.gov.cn")]
    public async Task Any_environment_but_development_refuses_to_start_without_its_keys_and_public_address(string setting, string? value)
    {
        var settings = Deployed();
        if (value is null) settings.Remove(setting);
        else settings[setting] = value == "short" ? NewKey(16) : value;

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () => await (await app.StartVariantAsync("Staging", settings)).DisposeAsync());

        Assert.Contains(setting, failure.ToString());
    }

    [Fact]
    public async Task Without_an_sms_gateway_a_registered_phone_gets_the_answer_an_unknown_one_gets_and_the_failure_is_logged()
    {
        var village = await new LedgerClient(app).NewVillage();
        var phone = $"137{Random.Shared.Next(0, 100_000_000):D8}";
        (await new LedgerClient(app).Post($"/api/villages/{village.Id}/households",
            new { householdNo = "0001", headName = "赵六", idNumber = IdNumbers.Valid(), phone }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var logs = new LogCapture();
        await using var staging = await app.StartVariantAsync("Staging", Deployed(("RateLimits:CodesPerMinute", "100")), logs);
        using var http = staging.Server.CreateClient();
        async Task<(HttpStatusCode, string)> Request(string number)
        {
            HttpResponseMessage? response = null;
            await staging.TrackActivity().ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
                response = await http.PostAsync("/api/auth/resident/code", new StringContent($$"""{"phone":"{{number}}"}""", System.Text.Encoding.UTF8, "application/json"))));
            return (response!.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var registered = await Request(phone);
        var unknown = await Request($"136{Random.Shared.Next(0, 100_000_000):D8}");

        Assert.Equal((HttpStatusCode.OK, unknown.Item2), registered);
        Assert.Equal(HttpStatusCode.OK, unknown.Item1);
        Assert.Single(logs.Lines, line => line.StartsWith("Warning") && line.Contains("was not delivered") && line.Contains(phone[..3] + "****"));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(phone));
    }

    private static async Task<HttpStatusCode> SignInFrom(IAlbaHost host, string remote, string forwardedFor)
    {
        var context = await host.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(remote);
            c.Request.Method = "POST";
            c.Request.Path = "/api/auth/sign-in";
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream("""{"login":"nobody","password":"whatever1"}"""u8.ToArray());
        });
        return (HttpStatusCode)context.Response.StatusCode;
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_client_has_its_own_sign_in_budget_and_anyone_elses_header_is_ignored()
    {
        await using var limited = await app.StartVariantAsync("Development", new Dictionary<string, string>
        {
            ["RateLimits:SignInPerMinute"] = "2",
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.1",
        });

        var first = new[] { await SignInFrom(limited, "10.0.0.1", "203.0.113.1"), await SignInFrom(limited, "10.0.0.1", "203.0.113.1"), await SignInFrom(limited, "10.0.0.1", "203.0.113.1") };
        var second = await SignInFrom(limited, "10.0.0.1", "203.0.113.2");
        var untrusted = new[] { await SignInFrom(limited, "198.51.100.9", "203.0.113.3"), await SignInFrom(limited, "198.51.100.9", "203.0.113.4"), await SignInFrom(limited, "198.51.100.9", "203.0.113.5") };

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.Unauthorized, second);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], untrusted);
    }

    [Fact]
    public async Task With_no_proxy_configured_a_forwarded_header_from_anyone_is_ignored()
    {
        await using var limited = await app.StartVariantAsync("Development", new Dictionary<string, string> { ["RateLimits:SignInPerMinute"] = "2" });

        var spoofed = new[] { await SignInFrom(limited, "10.0.0.1", "203.0.113.1"), await SignInFrom(limited, "10.0.0.1", "203.0.113.2"), await SignInFrom(limited, "10.0.0.1", "203.0.113.3") };

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], spoofed);
    }
}
