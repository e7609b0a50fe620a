using PointsLedger.Problems;
using SkiaSharp;

namespace PointsLedger.Printing;

/// <summary>
/// The Chinese font our PDFs (notices, household cards) embed: the file Notices:PdfFont names (face
/// Notices:PdfFontIndex in a .ttc collection), else what fontconfig finds (<see cref="ChineseFonts"/>).
/// Kept once found; looked for again on each PDF until then, so installing a font needs no restart.
/// </summary>
public sealed class PdfFont(IConfiguration configuration, ChineseFonts fonts, ILogger<PdfFont> logger) : IHostedService
{
    private readonly Lock _gate = new();
    private SKTypeface? _typeface;

    public SKTypeface Typeface => Resolve() ?? throw new Refusal(ProblemCodes.PdfFontMissing, ChineseFonts.Package);

    private SKTypeface? Resolve()
    {
        lock (_gate)
        {
            return _typeface ??= Load();
        }
    }

    private SKTypeface? Load()
    {
        var configured = configuration["Notices:PdfFont"];
        var face = string.IsNullOrEmpty(configured)
            ? fonts.Find()
            : File.Exists(configured) ? new FontFace(configured, configuration.GetValue("Notices:PdfFontIndex", 0), "", "") : null;
        return face is null ? null : SKTypeface.FromFile(face.File, face.Index);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Resolve() is null) logger.LogWarning("No Chinese font for PDFs: notice and card PDFs answer 503 until one is installed (apt-get install {Package}) or Notices:PdfFont names one", ChineseFonts.Package);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
