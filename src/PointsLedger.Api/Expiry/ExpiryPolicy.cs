namespace PointsLedger.Expiry;

/// <summary>
/// 清零 policy of a township: points granted in year Y stay spendable through the end of year
/// Y + <see cref="YearsKept"/> (default 1: granted in 2026, gone on 1 January 2028).
/// </summary>
public sealed record ExpiryPolicy(int YearsKept = 1)
{
    /// <summary>Grants made before this day have expired as of <paramref name="asOf"/>.</summary>
    public DateOnly ExpiredBefore(DateOnly asOf) => new(asOf.Year - YearsKept, 1, 1);
}

/// <summary>Configuration section "Expiry": a default and per-township overrides by township name.</summary>
public sealed class ExpirySettings
{
    public int YearsKept { get; set; } = 1;
    public Dictionary<string, int> Townships { get; set; } = new();

    /// <summary>When the sweep runs: a cron expression in Asia/Shanghai time, by default every night at 01:00.</summary>
    public string Schedule { get; set; } = "0 1 * * *";

    public static ExpirySettings From(IConfiguration configuration) =>
        configuration["Expiry:SweepHour"] is { } hour
            ? throw new InvalidOperationException(
                $"Expiry:SweepHour is now Expiry:Schedule, a cron expression: \"0 {hour} * * *\" runs the sweep at {hour}:00 (deploy/README.md).")
            : configuration.GetSection("Expiry").Get<ExpirySettings>() ?? new ExpirySettings();

    public ExpiryPolicy For(string township) =>
        new(Townships.TryGetValue(township, out var years) ? years : YearsKept);
}
