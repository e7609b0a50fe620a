using PointsLedger.Residents;

namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>Stands in for the mini-app platform: a code "wx:{openid}" is good for that openid, anything else is refused.</summary>
public sealed class FakeMiniApp : IMiniAppIdentity
{
    public Task<string?> OpenIdForAsync(string loginCode, CancellationToken ct) =>
        Task.FromResult(loginCode.StartsWith("wx:", StringComparison.Ordinal) ? loginCode[3..] : null);
}
