using PointsLedger.Printing;
using PointsLedger.Villages;
using SkiaSharp;

namespace PointsLedger.Households;

/// <summary>The household card as a PDF page of bank-card size (85.6 × 54 mm), for a print shop or a card printer.</summary>
public static class HouseholdCardPdf
{
    private const float Width = 242.65f;
    private const float Height = 153.07f;

    public static byte[] Render(Household household, Village village, SKTypeface typeface)
    {
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = $"五色积分卡 {village.Name} {household.HouseholdNo}", Creator = "PointsLedger" }))
        {
            var canvas = document.BeginPage(Width, Height);
            var pen = new PdfPen(typeface, 1);
            PdfPen.QrCode(canvas, household.CardNo, 10, 35, 85);
            pen.Text(canvas, "五色积分卡", 105, 30, 12, bold: true);
            pen.Text(canvas, $"{village.Township} {village.Name}", 105, 50, 8);
            pen.Text(canvas, $"户号 {household.HouseholdNo}　户主 {PersonName.Mask(household.HeadName)}", 105, 66, 8);
            pen.Text(canvas, string.Join(' ', household.CardNo.Chunk(4).Select(chunk => new string(chunk))), 105, 88, 10, bold: true);
            pen.Text(canvas, "兑换时出示本卡", 105, 108, 7);
            pen.Text(canvas, "并报户主身份证号后 6 位", 105, 119, 7);
            document.EndPage();
            document.Close();
        }
        return output.ToArray();
    }
}
