using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PointsLedger.DemoSeed;

/// <summary>The public HTTP API, signed in with a development token.</summary>
public sealed class LedgerApi(Uri address)
{
    private readonly HttpClient _http = new() { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };

    public async Task<LedgerApi> As(string role, Guid? villageId = null)
    {
        var api = new LedgerApi(_http.BaseAddress!);
        var token = (string)(await Send(HttpMethod.Post, "/api/auth/dev-token", new { role, villageId, userId = $"demo-{role}-{villageId:N}" }))!["accessToken"]!;
        api._http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api;
    }

    public Task<JsonNode?> Post(string url, object body, string? idempotencyKey = null) => Send(HttpMethod.Post, url, body, idempotencyKey);

    public async Task<JsonNode?> Send(HttpMethod method, string url, object? body = null, string? idempotencyKey = null, bool conflictIsNull = false)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (conflictIsNull && response.StatusCode == HttpStatusCode.Conflict) return null;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} {method} {url}: {text}");
        return JsonNode.Parse(text);
    }
}
