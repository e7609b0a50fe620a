using Marten;
using Microsoft.AspNetCore.Mvc;
using PointsLedger.Auth;
using PointsLedger.Printing;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Households;

public static class HouseholdCardSheetsEndpoint
{
    /// <summary>积分卡批量打印: the cards of a grid's households (<c>?grid=</c>), or of the whole village, ten to an A4 page with cut marks, by household number.</summary>
    [WolverineGet("/api/villages/{villageId}/cards.pdf"), Tags("Households"), ProducesResponseType(typeof(FileResult), 200, "application/pdf")]
    public static async Task<IResult> Get(Guid villageId, string? grid, Actor actor, IQuerySession session, PdfFont font, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre).MustActIn(villageId);
        var village = await session.LoadVillageAsync(villageId, ct);
        actor.MustActIn(village).MustActInTownship(village.Township);
        if (grid is not null && !village.Grids.ContainsKey(grid)) throw new Refusal(ProblemCodes.UnknownGrid, grid);

        var query = session.Query<Household>().Where(h => h.VillageId == villageId && h.MovedOutOn == null);
        if (grid is not null) query = query.Where(h => h.Grid == grid);
        var households = (await query.ToListAsync(ct)).OrderBy(h => h.HouseholdNo, StringComparer.Ordinal).ToList();
        if (households.Count == 0) throw new Refusal(ProblemCodes.GridEmpty, grid ?? village.Name);
        var title = grid is null ? village.Name : $"{village.Name} {village.Grids[grid].Name}";
        return Results.File(HouseholdCardPdf.RenderSheets(households, village, title, font.Typeface), "application/pdf", $"积分卡-{title}.pdf");
    }
}
