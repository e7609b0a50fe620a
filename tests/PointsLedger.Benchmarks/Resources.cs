using Npgsql;

namespace PointsLedger.Benchmarks;

/// <summary>
/// What a stretch of work cost, read from the operating system and the database: CPU of the API process
/// and of PostgreSQL (the postmaster, its live backends and those it has reaped), WAL written, and the
/// growth of the events and of the database.
/// </summary>
/// <remarks>PostgreSQL's CPU is known only for the benchmark's own cluster (none with POINTSLEDGER_BENCH_PG).</remarks>
public sealed record Resources(DateTimeOffset At, double ApiCpuSeconds, double? PostgresCpuSeconds, long WalBytes, long Events, long DatabaseBytes)
{
    public static async Task<Resources> ReadAsync(BenchmarkHost host)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint, (select count(*) from ledger.mt_events), pg_database_size(current_database())", connection);
        await using var row = await query.ExecuteReaderAsync();
        await row.ReadAsync();
        return new Resources(DateTimeOffset.UtcNow, CpuSeconds(host.ApiProcessId, withReaped: false),
            host.PostgresProcessId is { } postmaster ? PostgresCpu(postmaster) : null,
            row.GetInt64(0), row.GetInt64(1), row.GetInt64(2));
    }

    public Resources Since(Resources before) => new(At, ApiCpuSeconds - before.ApiCpuSeconds, PostgresCpuSeconds - before.PostgresCpuSeconds,
        WalBytes - before.WalBytes, Events - before.Events, DatabaseBytes - before.DatabaseBytes);

    public TimeSpan Elapsed(Resources before) => At - before.At;

    private static double PostgresCpu(int postmaster)
    {
        var total = CpuSeconds(postmaster, withReaped: true);
        foreach (var process in Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(name => name!.All(char.IsAsciiDigit)))
        {
            if (Stat(int.Parse(process!)) is { } fields && fields[1] == $"{postmaster}") total += CpuSeconds(int.Parse(process!), withReaped: false);
        }
        return total;
    }

    /// <summary>utime + stime (+ cutime + cstime) from /proc/PID/stat, in seconds.</summary>
    private static double CpuSeconds(int pid, bool withReaped)
    {
        if (Stat(pid) is not { } fields) return 0;
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]) + (withReaped ? long.Parse(fields[13]) + long.Parse(fields[14]) : 0);
        return ticks / 100.0;
    }

    /// <summary>The fields after the command name: [0] state, [1] parent, …, [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
