using System.Collections.Concurrent;
using PointsLedger.Residents;

namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>Stands in for the SMS gateway: keeps the last code sent to each phone.</summary>
public sealed class CodeInbox : IOneTimeCodeSender
{
    private readonly ConcurrentDictionary<string, string> _last = new();

    public Task SendAsync(string phone, string code, CancellationToken ct)
    {
        _last[phone] = code;
        return Task.CompletedTask;
    }

    public string? LastCodeFor(string phone) => _last.GetValueOrDefault(phone);
}
