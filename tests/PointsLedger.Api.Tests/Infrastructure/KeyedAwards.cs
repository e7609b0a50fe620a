using System.Net;

namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>Awards sent while something fails, each under its own Idempotency-Key, and sent again with it as a client would.</summary>
public static class KeyedAwards
{
    /// <summary>One attempt: its answer (none when no answer came), the problem's code if any, and when it ended.</summary>
    public sealed record Sent(string Key, string Body, HttpStatusCode? Status, string? Code, string Answer, DateTimeOffset At);

    public static async Task<Sent> SendAsync(LedgerClient api, string token, string key, string body)
    {
        try
        {
            var answer = await api.Send(HttpMethod.Post, "/api/awards", token, body, key);
            var code = answer.Body.StartsWith('{') ? (string?)System.Text.Json.Nodes.JsonNode.Parse(answer.Body)!["code"] : null;
            return new Sent(key, body, answer.Status, code, answer.Body, DateTimeOffset.UtcNow);
        }
        catch (Exception failure) when (failure is TaskCanceledException or HttpRequestException)
        {
            return new Sent(key, body, null, null, "", DateTimeOffset.UtcNow);
        }
    }

    /// <summary>Each attempt not acknowledged, sent again with its key until it is (up to ten more times, half a second apart): the last answer of each.</summary>
    public static async Task<List<Sent>> RetryUnacknowledgedAsync(LedgerClient api, string token, IEnumerable<Sent> attempts)
    {
        var retried = new List<Sent>();
        foreach (var unanswered in attempts.Where(a => a.Status != HttpStatusCode.Created))
        {
            var again = await SendAsync(api, token, unanswered.Key, unanswered.Body);
            for (var tries = 0; again.Status != HttpStatusCode.Created && tries < 10; tries++)
            {
                await Task.Delay(500);
                again = await SendAsync(api, token, unanswered.Key, unanswered.Body);
            }
            retried.Add(again);
        }
        return retried;
    }
}
