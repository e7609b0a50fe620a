using System.Text;
using QRCoder;
using SkiaSharp;

namespace PointsLedger.Printing;

/// <summary>Text and QR codes on a SkiaSharp PDF page, at a scale (1 for A4, 1.4 for A3).</summary>
public sealed class PdfPen(SKTypeface typeface, float scale)
{
    public float Scale => scale;

    /// <summary>
    /// Draws the text as a blob that carries its characters: the font maps some glyphs to more than one
    /// character (月 and the radical ⽉), and with the text attached the PDF says which one was meant.
    /// </summary>
    public void Text(SKCanvas canvas, string text, float x, float y, float size, bool bold = false, SKTextAlign align = SKTextAlign.Left)
    {
        if (text.Length == 0) return;
        using var font = new SKFont(typeface, size * scale) { Embolden = bold };
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var glyphs = font.GetGlyphs(text);
        var widths = font.GetGlyphWidths(glyphs);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var positions = new SKPoint[glyphs.Length];
        var clusters = new uint[glyphs.Length];
        var (advance, offset, index) = (0f, 0, 0);
        foreach (var rune in text.EnumerateRunes())
        {
            positions[index] = new SKPoint(advance, 0);
            clusters[index] = (uint)offset;
            advance += widths[index];
            offset += rune.Utf8SequenceLength;
            index++;
        }
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(font, glyphs.Length, utf8.Length);
        run.SetGlyphs(glyphs);
        run.SetPositions(positions);
        run.SetText(utf8);
        run.SetClusters(clusters);
        using var blob = builder.Build();
        var start = align switch { SKTextAlign.Right => x - advance, SKTextAlign.Center => x - advance / 2, _ => x };
        canvas.DrawText(blob, start, y, paint);
    }

    /// <summary>A QR code as filled squares: vector, sharp at any print size.</summary>
    public static void QrCode(SKCanvas canvas, string text, float left, float top, float size)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var cell = size / modules.Count;
        using var ink = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill };
        for (var y = 0; y < modules.Count; y++)
        {
            for (var x = 0; x < modules.Count; x++)
            {
                if (modules[y][x]) canvas.DrawRect(left + x * cell, top + y * cell, cell, cell, ink);
            }
        }
    }
}
