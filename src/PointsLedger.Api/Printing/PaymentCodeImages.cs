using QRCoder;

namespace PointsLedger.Printing;

public static class PaymentCodeImages
{
    /// <summary>
    /// A PNG (10 px per module: about 450 px square, readable from an old phone's screen) or an SVG.
    /// Level M error correction survives a scratched or dim screen.
    /// </summary>
    public static IResult Render(string token, string? format)
    {
        var headers = new Dictionary<string, string> { ["Cache-Control"] = "no-store" };
        return string.Equals(format, "svg", StringComparison.OrdinalIgnoreCase)
            ? new ImageResult(System.Text.Encoding.UTF8.GetBytes(Svg(token)), "image/svg+xml", headers)
            : new ImageResult(Png(token), "image/png", headers);
    }

    public static byte[] Png(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(10);
    }

    public static string Svg(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(10);
    }

    private sealed class ImageResult(byte[] bytes, string contentType, Dictionary<string, string> headers) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            foreach (var (name, value) in headers) context.Response.Headers[name] = value;
            return Results.Bytes(bytes, contentType).ExecuteAsync(context);
        }
    }
}
