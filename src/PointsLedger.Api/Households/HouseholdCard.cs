using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
            null => new RazorComponentResult<HouseholdCardPage>(new { Household = household, Village = village }),
            "pdf" => Results.File(HouseholdCardPdf.Render(household, village, font.Typeface), "application/pdf", $"积分卡-{household.HouseholdNo}.pdf"),
            _ => throw new Refusal(ProblemCodes.UnknownFormat, format),
        };
    }
}
