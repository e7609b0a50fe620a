using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PointsLedger.Auth;

namespace PointsLedger.Benchmarks;

/// <summary>The calls the benchmark makes, as a village's clients would make them.</summary>
public sealed class LedgerHttp(Uri address, TokenIssuer tokens)
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = address };

    public void SignIn(string role, Guid? villageId = null, Guid? merchantId = null)
    {
        var token = tokens.Issue(new Actor($"bench-{role}", role, villageId, merchantId), TimeSpan.FromHours(1));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<JsonNode> PostAsync(string url, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Read(await _http.SendAsync(request));
    }

    public async Task<JsonNode> PostFileAsync(string url, byte[] file, string fileName)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", fileName } };
        return await Read(await _http.PostAsync(url, content));
    }

    public async Task<JsonNode> GetAsync(string url) => await Read(await _http.GetAsync(url));

    /// <summary>Any response body (a page, a PDF), read to the end.</summary>
    public async Task<byte[]> GetBytesAsync(string url)
    {
        using var response = await _http.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} {url}");
        return body;
    }

    private static async Task<JsonNode> Read(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
            return JsonNode.Parse(text)!;
        }
    }
}
