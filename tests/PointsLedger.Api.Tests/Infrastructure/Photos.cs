using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SkiaSharp;

namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>Photos as a phone makes them, and the independent tools that read back what we keep (exiftool, heif-enc).</summary>
public static class Photos
{
    /// <summary>A photo with detail enough to compress as a real one does: gradients and noise, not a flat colour.</summary>
    public static byte[] Jpeg(int width, int height, int quality = 90) => Encode(width, height, SKEncodedImageFormat.Jpeg, quality);

    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png, 100);

    /// <summary>The same JPEG with a GPS position, a camera and a date written in by exiftool.</summary>
    public static byte[] WithGpsAndCamera(byte[] jpeg) => Tool(jpeg, ".jpg", ".jpg", (input, _) =>
        ["exiftool", "-q", "-overwrite_original", "-GPSLatitude=36.6512", "-GPSLatitudeRef=N", "-GPSLongitude=117.1201", "-GPSLongitudeRef=E",
            "-Make=Apple", "-Model=iPhone 15", "-DateTimeOriginal=2026:11:20 09:30:00", "-Artist=张三明", input]);

    /// <summary>A HEIC photo as an iPhone takes it, made by libheif's heif-enc from a PNG.</summary>
    public static byte[] Heic(int width, int height) => Tool(Png(width, height), ".png", ".heic", (input, output) => ["heif-enc", "-q", "60", "-o", output, input]);

    /// <summary>Every tag exiftool reads in the file, by its group and name (GPS:GPSLatitude, IFD0:Make…).</summary>
    public static JsonObject Metadata(byte[] file)
    {
        var path = Path.Combine(Path.GetTempPath(), $"photo-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, file);
        try
        {
            var (exit, output) = Run(["exiftool", "-json", "-G1", "-a", path]);
            Assert.Equal(0, exit);
            return (JsonObject)JsonNode.Parse(output)!.AsArray()[0]!;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// A PNG that says it is 30,000 × 30,000 pixels (900 megapixels, 112 MB one bit a pixel, gigabytes decoded) in about a hundred kilobytes:
    /// a valid file, every row zero.
    /// </summary>
    public static byte[] DecompressionBomb()
    {
        const int side = 30_000;
        using var data = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + side / 8];
            for (var y = 0; y < side; y++) zlib.Write(row);
        }
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [.. BigEndian(side), .. BigEndian(side), 1, 0, 0, 0, 0]);
        Chunk(png, "IDAT", data.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static async Task<Response> Upload(HttpClient http, string? token, byte[] file, string fileName, string contentType = "image/jpeg", string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/evidence");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Content = new MultipartFormDataContent { { content, "file", fileName } };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        using var response = await http.SendAsync(request);
        return new Response(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Contains("Idempotent-Replayed"));
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, int quality)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(width * 31 + height);
        var pixels = new uint[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var noise = random.Next(24);
                var r = (byte)(x * 255 / width ^ noise);
                var g = (byte)(y * 255 / height + noise);
                var b = (byte)((x + y) % 256);
                pixels[y * width + x] = 0xFF000000u | (uint)r << 16 | (uint)g << 8 | b;
            }
        }
        System.Runtime.InteropServices.Marshal.Copy((int[])(object)pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    private static byte[] Tool(byte[] file, string inputExtension, string outputExtension, Func<string, string, string[]> command)
    {
        var input = Path.Combine(Path.GetTempPath(), $"photo-{Guid.NewGuid():N}{inputExtension}");
        var output = inputExtension == outputExtension ? input : Path.ChangeExtension(input, outputExtension);
        File.WriteAllBytes(input, file);
        try
        {
            var (exit, text) = Run(command(input, output));
            Assert.True(exit == 0, text);
            return File.ReadAllBytes(output);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private static (int Exit, string Output) Run(string[] command)
    {
        var start = new ProcessStartInfo(command[0], command[1..]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(BigEndian(data.Length));
        png.Write(typed);
        png.Write(BigEndian((int)Crc32(typed)));
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
