using System.Diagnostics;

namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>zbarimg (Debian zbar-tools, installed by .ci/run) decodes QR codes without QRCoder.</summary>
public static class Zbar
{
    public static string Decode(byte[] png)
    {
        var file = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(file, png);
        try
        {
            var start = new ProcessStartInfo("zbarimg", ["--raw", "-q", file]) { RedirectStandardOutput = true };
            using var zbar = Process.Start(start)!;
            var text = zbar.StandardOutput.ReadToEnd().Trim();
            zbar.WaitForExit();
            Assert.Equal(0, zbar.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
