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

    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// A base64 key of at least 32 bytes from configuration. Only Development makes one up: every other
    /// environment (Staging, a second server) must share the configured key, or its ID hashes and tokens differ.
    /// </summary>
    public static byte[] Resolve(IConfiguration configuration, string key, string localName, IHostEnvironment environment)
    {
        var configured = configuration[key];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return environment.IsDevelopment()
                ? GetOrCreate(localName)
                : throw new InvalidOperationException($"Configuration value {key} (a base64 key of at least {MinimumKeyBytes} bytes) is required outside Development.");
        }
        var bytes = Convert.FromBase64String(configured);
        return bytes.Length >= MinimumKeyBytes
            ? bytes
            : throw new InvalidOperationException($"Configuration value {key} holds {bytes.Length} bytes; a key needs at least {MinimumKeyBytes}.");
    }
}
