using QRCoder;

namespace PointsLedger.PaymentCodes;

public static class PaymentCodeImages
{
    /// <summary>
    /// A PNG (10 px per module: about 450 px square, readable from an old phone's screen) or an SVG.
    /// Level M error correction survives a scratched or dim screen.
    /// </summary>
    public static IResult Render(string token, string? format)
    {
        using var data = QRCodeGenerator.GenerateQrCode(token, QRCodeGenerator.ECCLevel.M);
        var headers = new Dictionary<string, string> { ["Cache-Control"] = "no-store" };
        return string.Equals(format, "svg", StringComparison.OrdinalIgnoreCase)
            ? new ImageResult(System.Text.Encoding.UTF8.GetBytes(new SvgQRCode(data).GetGraphic(10)), "image/svg+xml", headers)
            : new ImageResult(new PngByteQRCode(data).GetGraphic(10), "image/png", headers);
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
