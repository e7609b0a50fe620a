using PointsLedger.Printing;
using PointsLedger.Villages;
using SkiaSharp;

namespace PointsLedger.Households;

/// <summary>
/// The household card at bank-card size (85.6 × 54 mm): one card to a page for a print shop or a card
/// printer, or ten to an A4 sheet with cut marks, for a village office's own printer and scissors.
/// </summary>
public static class HouseholdCardPdf
{
    private const float Width = 242.65f;
    private const float Height = 153.07f;
    private const float A4Width = 595.28f;
    private const float A4Height = 841.89f;
    private const int Columns = 2;
    private const int Rows = 5;
    private const float Left = (A4Width - Columns * Width) / 2;
    private const float Top = (A4Height - Rows * Height) / 2;

    public static byte[] Render(Household household, Village village, SKTypeface typeface) =>
        Pdf($"五色积分卡 {village.Name} {household.HouseholdNo}", document =>
        {
            var canvas = document.BeginPage(Width, Height);
            Draw(canvas, new PdfPen(typeface, 1), household, village, 0, 0);
            document.EndPage();
        });

    /// <param name="title">What the sheets are, for their footer: the village and the grid.</param>
    public static byte[] RenderSheets(IReadOnlyList<Household> households, Village village, string title, SKTypeface typeface) =>
        Pdf($"五色积分卡 {title}", document =>
        {
            var pen = new PdfPen(typeface, 1);
            var pages = households.Chunk(Columns * Rows).ToList();
            foreach (var (cards, index) in pages.Select((cards, index) => (cards, index)))
            {
                var canvas = document.BeginPage(A4Width, A4Height);
                for (var i = 0; i < cards.Length; i++)
                {
                    Draw(canvas, pen, cards[i], village, Left + i % Columns * Width, Top + i / Columns * Height);
                }
                CutMarks(canvas, (cards.Length + Columns - 1) / Columns);
                // Left of the middle cut mark, and far enough from the paper's edge for an office printer.
                pen.Text(canvas, $"{title}　第 {index + 1} 页，共 {pages.Count} 页　沿角线裁开", Left + 24, A4Height - 24, 8);
                document.EndPage();
            }
        });

    private static byte[] Pdf(string title, Action<SKDocument> pages)
    {
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = title, Creator = "PointsLedger" }))
        {
            pages(document);
            document.Close();
        }
        return output.ToArray();
    }

    private static void Draw(SKCanvas canvas, PdfPen pen, Household household, Village village, float x, float y)
    {
        PdfPen.QrCode(canvas, household.CardNo, x + 10, y + 35, 85);
        pen.Text(canvas, "五色积分卡", x + 105, y + 30, 12, bold: true);
        pen.Text(canvas, $"{village.Township} {village.Name}", x + 105, y + 50, 8);
        pen.Text(canvas, $"户号 {household.HouseholdNo}　户主 {PersonName.Mask(household.HeadName)}", x + 105, y + 66, 8);
        pen.Text(canvas, string.Join(' ', household.CardNo.Chunk(4).Select(chunk => new string(chunk))), x + 105, y + 88, 10, bold: true);
        pen.Text(canvas, "兑换时出示本卡", x + 105, y + 108, 7);
        pen.Text(canvas, "并报户主身份证号后 6 位", x + 105, y + 119, 7);
    }

    /// <summary>Short lines in the margins where the cards' edges run, so the cuts follow them without a line across a card.</summary>
    private static void CutMarks(SKCanvas canvas, int rows)
    {
        using var ink = new SKPaint { Color = SKColors.Black, StrokeWidth = 0.5f, IsAntialias = true };
        var bottom = Top + rows * Height;
        for (var column = 0; column <= Columns; column++)
        {
            var x = Left + column * Width;
            canvas.DrawLine(x, Top - 18, x, Top - 4, ink);
            canvas.DrawLine(x, bottom + 4, x, bottom + 18, ink);
        }
        for (var row = 0; row <= rows; row++)
        {
            var y = Top + row * Height;
            canvas.DrawLine(Left - 18, y, Left - 4, y, ink);
            canvas.DrawLine(Left + Columns * Width + 4, y, Left + Columns * Width + 18, y, ink);
        }
    }
}
