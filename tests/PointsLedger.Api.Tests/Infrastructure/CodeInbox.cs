using System.Collections.Concurrent;
using PointsLedger.Residents;

namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>Stands in for the SMS gateway: codes arrive after the request commits, through the outbox.</summary>
public sealed class CodeInbox : IOneTimeCodeSender
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _next = new();

    public Task SendAsync(string phone, string code, CancellationToken ct)
    {
        Waiting(phone).TrySetResult(code);
        return Task.CompletedTask;
    }

    /// <summary>The next code sent to the phone; call it before asking for the code.</summary>
    public Task<string> NextCodeFor(string phone)
    {
        var next = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _next[phone] = next;
        return next.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    private TaskCompletionSource<string> Waiting(string phone) =>
        _next.GetOrAdd(phone, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}
