using ImageMagick;
using PointsLedger.Problems;

namespace PointsLedger.Evidence;

/// <summary>A photo as we keep it: a JPEG of at most <see cref="PhotoEncoder.MaxSide"/> pixels a side, with no metadata.</summary>
public sealed record EncodedPhoto(byte[] Jpeg, int Width, int Height);

/// <summary>
/// Decodes a phone's photo and encodes it anew, so that nothing of the upload but its pixels is kept: no
/// GPS position, camera or other metadata, no trailing bytes. Only JPEG, PNG and HEIC are decoded, each
/// by its own coder named from the file's first bytes (ImageMagick is never left to guess a format), and
/// only after the header says the picture is of a size a phone takes.
/// </summary>
public static class PhotoEncoder
{
    public const int MaxSide = 1600;
    public const int ThumbnailSide = 320;
    public const long MaxPixels = 40_000_000;
    public const long MaxBytes = 10 * 1024 * 1024;
    private const int Quality = 82;

    /// <summary>Decoding a phone's photo takes a core for a second: two at a time, the rest wait, so uploads cannot starve the ledger.</summary>
    private static readonly SemaphoreSlim Decoders = new(2);

    static PhotoEncoder()
    {
        // Behind the header check (which must read a bomb's size to name it): a decoder that would still go past a photo's
        // size, or spill to disk, or run on, fails instead.
        ResourceLimits.Area = (ulong)MaxPixels;
        ResourceLimits.Memory = 1024UL * 1024 * 1024;
        ResourceLimits.Disk = 0;
        ResourceLimits.Time = 30;
    }

    public static async Task<EncodedPhoto> EncodeAsync(byte[] upload, CancellationToken ct)
    {
        await Decoders.WaitAsync(ct);
        try
        {
            return Encode(upload);
        }
        finally
        {
            Decoders.Release();
        }
    }

    private static EncodedPhoto Encode(byte[] upload)
    {
        var format = FormatOf(upload) ?? throw new Refusal(ProblemCodes.ImageInvalid);
        var settings = new MagickReadSettings { Format = format };
        MagickImageInfo header;
        try
        {
            header = new MagickImageInfo(upload, settings);
        }
        catch (MagickResourceLimitErrorException)
        {
            throw new Refusal(ProblemCodes.ImageTooLarge, "4000 万像素");
        }
        catch (MagickException)
        {
            throw new Refusal(ProblemCodes.ImageInvalid);
        }
        if ((long)header.Width * header.Height > MaxPixels) throw new Refusal(ProblemCodes.ImageTooLarge, "4000 万像素");

        var warnings = new List<string>();
        try
        {
            using var image = new MagickImage();
            image.Warning += (_, e) => warnings.Add(e.Message);
            image.Read(upload, settings);
            // A truncated or corrupt file decodes with a warning and grey rows: refuse it rather than keep half a photo.
            if (warnings.Count > 0) throw new Refusal(ProblemCodes.ImageInvalid);
            image.AutoOrient();
            image.BackgroundColor = MagickColors.White;
            image.Alpha(AlphaAction.Remove);
            image.Resize(new MagickGeometry(MaxSide, MaxSide) { Greater = true });
            image.Strip();
            image.Quality = Quality;
            var jpeg = image.ToByteArray(MagickFormat.Jpeg);
            return new EncodedPhoto(jpeg, (int)image.Width, (int)image.Height);
        }
        catch (MagickResourceLimitErrorException)
        {
            throw new Refusal(ProblemCodes.ImageTooLarge, "4000 万像素");
        }
        catch (MagickException)
        {
            throw new Refusal(ProblemCodes.ImageInvalid);
        }
    }

    /// <summary>A small copy of a kept photo, made when asked for rather than stored.</summary>
    public static byte[] Thumbnail(byte[] jpeg)
    {
        using var image = new MagickImage(jpeg, MagickFormat.Jpeg);
        image.Thumbnail(new MagickGeometry(ThumbnailSide, ThumbnailSide) { Greater = true });
        image.Strip();
        image.Quality = 75;
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    private static MagickFormat? FormatOf(ReadOnlySpan<byte> file) => file switch
    {
        [0xFF, 0xD8, 0xFF, ..] => MagickFormat.Jpeg,
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => MagickFormat.Png,
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', .. var rest] when IsHeifBrand(rest) => MagickFormat.Heic,
        _ => null,
    };

    private static bool IsHeifBrand(ReadOnlySpan<byte> brand) =>
        brand.Length >= 4 && System.Text.Encoding.ASCII.GetString(brand[..4]) is "heic" or "heix" or "hevc" or "hevx" or "mif1" or "msf1";
}
