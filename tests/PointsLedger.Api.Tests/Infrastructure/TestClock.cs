namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>The real clock until a test pins it; a test that pins it lets go when it ends.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _pinned;

    public override DateTimeOffset GetUtcNow() => _pinned ?? base.GetUtcNow();

    public IDisposable Pin(DateTimeOffset now)
    {
        _pinned = now;
        return new Release(this);
    }

    public void Set(DateTimeOffset now) => _pinned = now;

    private sealed class Release(TestClock clock) : IDisposable
    {
        public void Dispose() => clock._pinned = null;
    }
}
