using Microsoft.AspNetCore.Mvc;
using System.Net;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Printing;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Households;

public static class HouseholdCardEndpoint
{
    /// <summary>
    /// 积分卡 for a resident without a phone: a printable card (HTML, or <c>?format=pdf</c>, bank-card size)
    /// whose QR code holds the card number; <c>?format=png</c> or <c>svg</c> gives the QR code alone. The
    /// card redeems only together with the last six characters of the head's ID number.
    /// </summary>
    [WolverineGet("/api/households/{householdId}/card"), Tags("Households"), ProducesResponseType(typeof(FileResult), 200, "text/html", "application/pdf", "image/png", "image/svg+xml")]
    public static async Task<IResult> Get(
        Guid householdId, string? format, Actor actor, IQuerySession session, PdfFont font, CancellationToken ct)
    {
        var household = await session.LoadForReaderAsync(householdId, actor, ct);
        if (!actor.MayHoldCardOf(household)) throw new Refusal(ProblemCodes.HouseholdNotFound, householdId);
        if (format is "png" or "svg") return PaymentCodeImages.Render(household.CardNo, format);
        var village = await session.LoadVillageAsync(household.VillageId, ct);
        return format switch
        {
            null => Results.Content(Html(household, village), "text/html; charset=utf-8"),
            "pdf" => Results.File(HouseholdCardPdf.Render(household, village, font.Typeface), "application/pdf", $"积分卡-{household.HouseholdNo}.pdf"),
            _ => throw new Refusal(ProblemCodes.UnknownFormat, format),
        };
    }

    private static string Html(Household household, Village village)
    {
        string E(string text) => WebUtility.HtmlEncode(text);
        var cardNo = string.Join(' ', household.CardNo.Chunk(4).Select(chunk => new string(chunk)));
        return $$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>五色积分卡 {{E(village.Name)}} {{E(household.HouseholdNo)}}</title>
            <style>
              @page { size: 85.6mm 54mm; margin: 0; }
              body { margin: 0; font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
              .card { box-sizing: border-box; width: 85.6mm; height: 54mm; padding: 4mm; border: 0.3mm solid #000;
                      display: flex; gap: 3mm; align-items: center; }
              .qr svg { width: 30mm; height: 30mm; }
              h1 { font-size: 4.2mm; margin: 0 0 2mm; }
              p { font-size: 3mm; margin: 0 0 1.2mm; }
              .no { font-size: 3.6mm; font-weight: bold; letter-spacing: 0.3mm; }
              .stripe { display: flex; height: 1.5mm; margin-bottom: 2mm; }
              .stripe i { flex: 1; }
            </style>
            </head>
            <body>
            <div class="card">
              <div class="qr">{{PaymentCodeImages.Svg(household.CardNo)}}</div>
              <div>
                <div class="stripe">{{string.Concat(ColorStyles.All.Select(style => $"<i style=\"background:{style.Ink}\"></i>"))}}</div>
                <h1>五色积分卡</h1>
                <p>{{E(village.Township)}} {{E(village.Name)}}</p>
                <p>户号 {{E(household.HouseholdNo)}}　户主 {{E(PersonName.Mask(household.HeadName))}}</p>
                <p class="no">{{cardNo}}</p>
                <p>兑换时出示本卡并报户主身份证号后 6 位</p>
              </div>
            </div>
            </body>
            </html>
            """;
    }
}
