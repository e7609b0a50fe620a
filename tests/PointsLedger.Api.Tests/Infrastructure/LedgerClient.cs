using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PointsLedger.Auth;
using PointsLedger.Http;

namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>Plain HTTP calls through the app's full pipeline, and the steps most tests start with.</summary>
public sealed class LedgerClient(HttpClient http, IServiceProvider services, TimeProvider clock)
{
    private readonly HttpClient _http = http;

    public LedgerClient(LedgerApp app) : this(app.Host.Server.CreateClient(), app.Host.Services, app.Clock)
    {
    }

    public string Token(string role, Guid? villageId = null, Guid? householdId = null, string? userId = null, string? township = null, Guid? merchantId = null) =>
        services.GetRequiredService<TokenIssuer>()
            .Issue(new Actor(userId ?? $"test-{role}-{Guid.NewGuid():N}", role, villageId, merchantId, householdId, township), TimeSpan.FromHours(1));

    public string Admin => Token(Roles.Admin);

    /// <summary>Waits until the async daemon has applied every event so far to the reports' tallies.</summary>
    public Task ProjectionsCaughtUpAsync() =>
        Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(services.GetRequiredService<Marten.IDocumentStore>(), TimeSpan.FromSeconds(60));

    public async Task<Response> Send(HttpMethod method, string url, string? token, string? json = null, string? idempotencyKey = null, string? language = null,
        string contentType = "application/json", string? accept = null, string? correlationId = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, contentType);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        if (correlationId is not null) request.Headers.Add("X-Correlation-ID", correlationId);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Response(response.StatusCode, text, response.Headers.Contains("Idempotent-Replayed"));
    }

    public Task<Response> Post(string url, object body, string? token, string? idempotencyKey = null, string? language = null) =>
        Send(HttpMethod.Post, url, token, JsonSerializer.Serialize(body, JsonOptions), idempotencyKey, language);

    public Task<Response> Get(string url, string? token) => Send(HttpMethod.Get, url, token);

    /// <summary>A file the API serves (a spreadsheet, a PDF, an image), as bytes.</summary>
    public async Task<byte[]> Download(string url, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        using var response = await _http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 but got {(int)response.StatusCode} for {url}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async Task<TestVillage> NewVillage(string township = "刁镇街道")
    {
        var code = $"V{Guid.NewGuid():N}"[..20];
        var created = (await Post("/api/villages", new { code, name = "测试村", township }, Admin)).ShouldBe(HttpStatusCode.Created);
        var id = created.Guid("villageId");
        return new TestVillage(id, code,
            Token(Roles.Cadre, id), Token(Roles.Approver, id), Token(Roles.Approver, id));
    }

    public async Task<string> NewRule(TestVillage village, string color, int points, int? monthlyCap = null, bool requiresApproval = false)
    {
        var code = $"R{Guid.NewGuid():N}"[..12];
        (await Post($"/api/villages/{village.Id}/rules",
            new { code, color, title = $"细则{code}", points, monthlyCap, requiresApproval }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        return code;
    }

    /// <summary>A rule with the fields given (unit, appliesTo, requiresEvidence…); its code, and a title and colour unless given, are made up.</summary>
    public async Task<string> NewRule(TestVillage village, object fields)
    {
        var code = $"R{Guid.NewGuid():N}"[..12];
        var body = JsonNode.Parse(JsonSerializer.Serialize(fields, JsonOptions))!.AsObject();
        body["code"] = code;
        body["title"] ??= $"细则{code}";
        body["color"] ??= "purple";
        (await Post($"/api/villages/{village.Id}/rules", body, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        return code;
    }

    public async Task<Guid> NewHousehold(TestVillage village, string? householdNo = null)
    {
        var body = new { householdNo = householdNo ?? $"H{Guid.NewGuid():N}"[..10], headName = "张三明", idNumber = IdNumbers.Valid(), phone = "13800000000" };
        return (await Post($"/api/villages/{village.Id}/households", body, village.Cadre)).ShouldBe(HttpStatusCode.Created).Guid("householdId");
    }

    public async Task<Response> Award(TestVillage village, Guid householdId, string ruleCode, string? occurredOn = null, string? token = null, string? key = null) =>
        await Post("/api/awards", new { householdId, ruleCode, occurredOn = occurredOn ?? Today() }, token ?? village.Cadre, key);

    public async Task<JsonNode> Balance(Guid householdId) =>
        (await Get($"/api/households/{householdId}/balance", Admin)).ShouldBe(HttpStatusCode.OK).Json;

    public async Task<JsonArray> Ledger(Guid householdId) =>
        (await Get($"/api/households/{householdId}/ledger", Admin)).ShouldBe(HttpStatusCode.OK).Json["entries"]!.AsArray();

    public string Today() => clock.Today().ToString("yyyy-MM-dd");

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

public sealed record TestVillage(Guid Id, string Code, string Cadre, string Approver, string SecondApprover);

public sealed record Response(HttpStatusCode Status, string Body, bool Replayed)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public Response ShouldBe(HttpStatusCode expected)
    {
        Assert.True(Status == expected, $"Expected {(int)expected} but got {(int)Status}: {Body}");
        return this;
    }

    /// <summary>Asserts a problem-details refusal with the given status and code.</summary>
    public Response ShouldBeProblem(HttpStatusCode expected, string code)
    {
        ShouldBe(expected);
        Assert.Equal(code, (string?)Json["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)Json["detail"]));
        return this;
    }

    public Guid Guid(string property) => System.Guid.Parse((string)Json[property]!);
}
