using Npgsql;
using SkiaSharp;

namespace PointsLedger.Benchmarks;

/// <summary>
/// Photo evidence as a phone sends it: a 12-megapixel (4032 × 3024) JPEG straight from the camera, uploaded
/// whole (a phone whose browser cannot shrink it first). Each upload is timed; the database's growth, photo
/// table and document together, is what one photo costs to keep. Beside them, the anchor in the same run.
/// </summary>
public sealed class PhotoScenarios(BenchmarkHost host)
{
    private const int Uploads = 12;

    public async Task<IEnumerable<string>> MeasureAsync()
    {
        var cadre = new LedgerHttp(host.Address, host.Tokens);
        cadre.SignIn("cadre");
        var photos = Enumerable.Range(0, Uploads).Select(CameraJpeg).ToList();
        var anchor = new Latencies();
        for (var i = 0; i < 30; i++) await anchor.Time(() => cadre.GetBytesAsync("/health/live"));
        anchor.Stop();

        var before = await StoredBytesAsync();
        var uploads = new Latencies();
        long kept = 0;
        foreach (var photo in photos) await uploads.Time(async () => kept += (int)(await cadre.PostFileAsync("/api/evidence", photo, "IMG_0001.JPG"))["bytes"]!);
        uploads.Stop();
        var grown = await StoredBytesAsync() - before;

        var sent = photos.Average(p => p.Length) / 1024;
        return
        [
            $"| anchor: GET /health/live | {anchor.Count:N0} | {anchor.PerSecond:N0} | {anchor.Percentile(50):0.0} | {anchor.Percentile(99):0.0} |",
            $"| photo upload, 4032 × 3024 JPEG of {sent:N0} KB kept as {kept / Uploads / 1024.0:N0} KB (1600 × 1200); the database grew {grown / Uploads / 1024.0:N0} KB a photo | "
                + $"{uploads.Count:N0} | {uploads.PerSecond:N1} | {uploads.Percentile(50):0} | {uploads.Percentile(99):0} |",
        ];
    }

    private async Task<long> StoredBytesAsync()
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var checkpoint = new NpgsqlCommand("checkpoint", connection);
        await using var size = new NpgsqlCommand(
            "select pg_total_relation_size('ledger.evidence_images') + pg_total_relation_size('ledger.mt_doc_evidencephoto')", connection);
        return (long)(await size.ExecuteScalarAsync())!;
    }

    /// <summary>A photo's worth of detail (gradients, sensor noise), so it compresses as a camera's JPEG does, not as a flat colour would.</summary>
    private static byte[] CameraJpeg(int seed)
    {
        const int width = 4032, height = 3024;
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height);
        var pixels = new int[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            var (x, y) = (i % width, i / width);
            var noise = random.Next(20);
            pixels[i] = unchecked((int)0xFF000000) | (x * 255 / width + seed * 20 + noise) % 256 << 16 | (y * 255 / height + noise) % 256 << 8 | (x + y + seed) % 256;
        }
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 92);
        return jpeg.ToArray();
    }
}
