using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace PointsLedger.Benchmarks;

/// <summary>
/// The phone pages' first loads, as Lighthouse (npm, lighthouse/) measures them in Debian's Chromium with
/// its mobile emulation (a mid-range phone on a slow 4G network), and the JS and CSS each page loads,
/// gzipped as a village phone would receive them.
/// </summary>
public sealed class PageLoads(BenchmarkHost host)
{
    private static readonly string Tools = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../lighthouse"));

    public static string Header => "| page | performance | accessibility | best practices | first contentful paint ms | largest contentful paint ms | JS + CSS, gzip KB |";

    public async Task<IEnumerable<string>> MeasureAsync(params string[] pages)
    {
        if (!Directory.Exists(Path.Combine(Tools, "node_modules"))) Run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        var rows = new List<string>();
        foreach (var page in pages)
        {
            var report = Path.Combine(Path.GetTempPath(), $"lighthouse-{Guid.NewGuid():N}.json");
            Run("npx", "--no-install", "lighthouse", new Uri(host.Address, page).ToString(), "--quiet", "--output=json", $"--output-path={report}",
                "--only-categories=performance,accessibility,best-practices", "--chrome-flags=--headless=new --no-sandbox");
            var result = JsonNode.Parse(await File.ReadAllTextAsync(report))!;
            File.Delete(report);
            var assets = result["audits"]!["network-requests"]!["details"]!["items"]!.AsArray()
                .Where(r => (string?)r!["resourceType"] is "Script" or "Stylesheet").Select(r => (string)r!["url"]!).ToList();
            rows.Add($"| {page} | {Score(result, "performance")} | {Score(result, "accessibility")} | {Score(result, "best-practices")} | " +
                $"{Metric(result, "first-contentful-paint")} | {Metric(result, "largest-contentful-paint")} | {await GzipKilobytesAsync(assets) :0.0} |");
        }
        return rows;
    }

    public static string SignedInHeader => "| signed-in screen | accessibility | best practices |";

    /// <summary>
    /// The console as a township admin sees it after signing in (signed-in.mjs: a Lighthouse user flow,
    /// snapshots of home, award and the township dashboard); the pages keep their tokens in memory, so
    /// only a flow that signs in through the page reaches them.
    /// </summary>
    public IEnumerable<string> MeasureSignedIn(string login, string password)
    {
        if (!Directory.Exists(Path.Combine(Tools, "node_modules"))) Run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        var output = Run("node", "signed-in.mjs", host.Address.ToString().TrimEnd('/'), login, password);
        var steps = JsonNode.Parse(output.Trim().Split('\n')[^1])!.AsArray();
        return steps.Select(step => $"| {(string)step!["page"]!} | {(int)step["accessibility"]!} | {(int)step["bestPractices"]!} |").ToList();
    }

    private static string Score(JsonNode result, string category) => $"{(double)result["categories"]![category]!["score"]! * 100:0}";

    private static string Metric(JsonNode result, string audit) => $"{(double)result["audits"]![audit]!["numericValue"]!:0}";

    private static async Task<double> GzipKilobytesAsync(IEnumerable<string> urls)
    {
        using var http = new HttpClient();
        long total = 0;
        foreach (var url in urls)
        {
            var body = await http.GetByteArrayAsync(url);
            using var compressed = new MemoryStream();
            await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) await gzip.WriteAsync(body);
            total += compressed.Length;
        }
        return total / 1024.0;
    }

    private static string Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = Tools,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["CHROME_PATH"] = "/usr/bin/chromium", ["NO_UPDATE_NOTIFIER"] = "1" },
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed: {errors.Result}");
        return output;
    }
}
