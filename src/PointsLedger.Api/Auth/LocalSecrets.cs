using System.Security.Cryptography;

namespace PointsLedger.Auth;

/// <summary>
/// Keys for Development and tests when configuration gives none: generated once and kept outside the
/// repository (in the user's local application data), so tokens and hashes survive restarts.
/// </summary>
public static class LocalSecrets
{
    public static byte[] GetOrCreate(string name)
    {
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "PointsLedger");
        var path = Path.Combine(folder, name);
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());

        Directory.CreateDirectory(folder);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }

    /// <summary>A base64 key from configuration; outside Development it must be configured.</summary>
    public static byte[] Resolve(IConfiguration configuration, string key, string localName, IHostEnvironment environment)
    {
        var configured = configuration[key];
        if (!string.IsNullOrWhiteSpace(configured)) return Convert.FromBase64String(configured);
        if (environment.IsProduction()) throw new InvalidOperationException($"Configuration value {key} (a base64 key of 32 bytes) is required in Production.");
        return GetOrCreate(localName);
    }
}
