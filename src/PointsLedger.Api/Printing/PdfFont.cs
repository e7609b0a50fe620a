using PointsLedger.Problems;
using SkiaSharp;

namespace PointsLedger.Printing;

/// <summary>
/// The Chinese font our PDFs (notices, household cards) embed: Noto Sans CJK SC from Debian's fonts-noto-cjk unless
/// Notices:PdfFont (a path) and Notices:PdfFontIndex (the face in a .ttc collection) say otherwise.
/// Loaded once, on the first PDF.
/// </summary>
public sealed class PdfFont(IConfiguration configuration)
{
    private readonly Lazy<SKTypeface?> _typeface = new(() =>
    {
        var path = configuration.GetValue("Notices:PdfFont", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")!;
        return File.Exists(path) ? SKTypeface.FromFile(path, configuration.GetValue("Notices:PdfFontIndex", 2)) : null;
    });

    public SKTypeface Typeface => _typeface.Value ?? throw new Refusal("pdf-font-missing", StatusCodes.Status503ServiceUnavailable);
}
