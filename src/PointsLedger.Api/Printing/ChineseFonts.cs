using System.Diagnostics;

namespace PointsLedger.Printing;

/// <summary>A font face on disk: the file and, in a .ttc collection, which face.</summary>
public sealed record FontFace(string File, int Index, string Family, string Style);

/// <summary>
/// Asks fontconfig (<c>fc-list :lang=zh-cn</c>) which installed fonts cover Simplified Chinese, and picks
/// Noto Sans CJK SC Regular when it is there. Asked again on every call, so a font installed while the
/// app runs is found without a restart.
/// </summary>
public sealed class ChineseFonts(IReadOnlyDictionary<string, string>? fontconfigEnvironment = null)
{
    public const string Package = "fonts-noto-cjk";

    public FontFace? Find()
    {
        var start = new ProcessStartInfo("fc-list", ["--format=%{file}\t%{index}\t%{family[0]}\t%{style[0]}\n", ":lang=zh-cn"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in fontconfigEnvironment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        try
        {
            using var fcList = Process.Start(start)!;
            _ = fcList.StandardError.ReadToEndAsync();
            var listing = fcList.StandardOutput.ReadToEnd();
            fcList.WaitForExit();
            return fcList.ExitCode == 0 ? Preferred(listing) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no fontconfig on this machine: no font can be found
        }
    }

    /// <summary>The face to embed from fc-list's lines: Noto Sans CJK SC, then any SC face, each Regular first.</summary>
    public static FontFace? Preferred(string listing) =>
        listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length == 4)
            .Select(fields => new FontFace(fields[0], int.TryParse(fields[1], out var index) ? index : 0, fields[2], fields[3]))
            .OrderBy(face => face.Family == "Noto Sans CJK SC" ? 0 : face.Family.EndsWith(" SC", StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(face => face.Style == "Regular" ? 0 : 1)
            .ThenBy(face => face.File, StringComparer.Ordinal)
            .FirstOrDefault();
}
