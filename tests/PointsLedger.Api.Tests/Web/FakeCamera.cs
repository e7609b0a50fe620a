using System.Text;
using SkiaSharp;

namespace PointsLedger.Api.Tests.Web;

/// <summary>
/// A video for Chromium's fake camera (Y4M, 640×480, grey) that shows a picture, centred on white: what a
/// phone held up to a QR code films. Y4M is raw frames under a one-line header, so nothing encodes it.
/// </summary>
public static class FakeCamera
{
    private const int Width = 640, Height = 480, Frames = 10;

    /// <summary>Where the videos go; the browser fixture removes them when the run ends.</summary>
    public static readonly string Films = Path.Combine(Path.GetTempPath(), $"pointsledger-camera-{Environment.ProcessId}");

    public static string Film(byte[] png)
    {
        using var picture = SKBitmap.Decode(png);
        var side = Height - 40;
        using var scaled = picture.Resize(new SKImageInfo(side, side), SKSamplingOptions.Default);
        var luma = new byte[Width * Height];
        Array.Fill(luma, (byte)255);
        var (left, top) = ((Width - side) / 2, (Height - side) / 2);
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                var c = scaled.GetPixel(x, y);
                luma[(top + y) * Width + left + x] = (byte)((299 * c.Red + 587 * c.Green + 114 * c.Blue) / 1000);
            }
        }
        var chroma = new byte[Width / 2 * (Height / 2)];
        Array.Fill(chroma, (byte)128);

        Directory.CreateDirectory(Films);
        var path = Path.Combine(Films, $"{Guid.NewGuid():N}.y4m");
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F10:1 Ip A1:1 C420jpeg\n"));
        for (var i = 0; i < Frames; i++)
        {
            file.Write("FRAME\n"u8);
            file.Write(luma);
            file.Write(chroma);
            file.Write(chroma);
        }
        return path;
    }
}
