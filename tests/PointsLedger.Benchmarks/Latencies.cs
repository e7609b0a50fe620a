using System.Diagnostics;

namespace PointsLedger.Benchmarks;

/// <summary>Timings of one scenario: throughput and latency percentiles.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];
    private readonly Stopwatch _wall = Stopwatch.StartNew();

    public async Task Time(Func<Task> call)
    {
        var start = Stopwatch.GetTimestamp();
        await call();
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        lock (_milliseconds) _milliseconds.Add(elapsed);
    }

    public void Stop() => _wall.Stop();

    public int Count => _milliseconds.Count;
    public double PerSecond => Count / _wall.Elapsed.TotalSeconds;
    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }
}
