using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PointsLedger.DemoSeed;

/// <summary>
/// The public HTTP API, signed in with a development token, or with one <paramref name="signIn"/> gives
/// (the capacity benchmark's, whose app runs outside Development).
/// </summary>
public sealed class LedgerApi(HttpClient http, string? token = null, Func<string, Guid?, string>? signIn = null)
{
    public LedgerApi(Uri address, Func<string, Guid?, string>? signIn = null)
        : this(new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) }, null, signIn)
    {
    }

    public async Task<LedgerApi> As(string role, Guid? villageId = null) =>
        new(http, signIn?.Invoke(role, villageId)
            ?? (string)(await Send(HttpMethod.Post, "/api/auth/dev-token", new { role, villageId, userId = $"demo-{role}-{villageId:N}" }))!["accessToken"]!, signIn);

    public Task<JsonNode?> Post(string url, object body, string? idempotencyKey = null) => Send(HttpMethod.Post, url, body, idempotencyKey);

    public async Task<JsonNode?> Send(HttpMethod method, string url, object? body = null, string? idempotencyKey = null, bool conflictIsNull = false)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (conflictIsNull && response.StatusCode == HttpStatusCode.Conflict) return null;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} {method} {url}: {text}");
        return JsonNode.Parse(text);
    }
}
