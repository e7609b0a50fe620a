using System.Diagnostics;

namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>A tool a Node project of ours installed (npm ci), run from that project's folder.</summary>
public static class Npx
{
    public static (int Exit, string Output) Run(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("npx", ["--no-install", .. arguments])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["NO_UPDATE_NOTIFIER"] = "1", ["REDOCLY_TELEMETRY"] = "off", ["NO_COLOR"] = "1", ["CI"] = "1" },
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"npx {string.Join(' ', arguments)} ran for more than 5 minutes");
        }
        return (process.ExitCode, output.Result + errors.Result);
    }

    /// <summary>A folder of the repository, from the test assembly's output folder.</summary>
    public static string Folder(string relative) => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../..", relative));
}
