using System.Globalization;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Exports;
using PointsLedger.Http;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Notices;

/// <summary>Why the month cannot close now, in the reader's language.</summary>
public sealed record CloseBlocked(string Code, string Detail);

/// <summary>
/// The notice as it would be posted if the month closed now: the same lines and entries (proof codes are
/// drawn only at closing), with the awards still waiting for approval first, and what, if anything, blocks closing.
/// </summary>
public sealed record NoticePreview(
    Guid VillageId, string Month, CloseBlocked? Blocked, IReadOnlyList<PendingInMonth> Pending,
    IReadOnlyList<NoticeLine> Households, IReadOnlyList<NoticeEntry> Entries, NoticeTotals Totals);

public static class PreviewNoticeEndpoint
{
    /// <summary>公示预览：the month's notice before it is closed, and whether it may close now.</summary>
    [WolverineGet("/api/villages/{villageId}/notices/{month}/preview"), Tags("Notices")]
    public static async Task<NoticePreview> Get(Guid villageId, string month, Actor actor, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Auditor, Roles.Cadre, Roles.Approver).MustActIn(villageId);
        var village = await session.LoadVillageAsync(villageId, ct);
        actor.MustActIn(village).MustActInTownship(village.Township);
        var request = MonthRequest.Parse(month);
        if (request.Format != ExportFormat.Json) throw new Refusal(ProblemCodes.InvalidMonth, month);
        var first = request.FirstDay;

        var (households, histories) = await session.LoadVillageHistoriesAsync(villageId, ct);
        var pending = PendingInMonth.Of(households, first);
        CloseBlocked? blocked = null;
        try
        {
            NoticeDecisions.CheckClose(village, first, clock.Today(), pending);
        }
        catch (Refusal refusal)
        {
            blocked = new CloseBlocked(refusal.Code, refusal.Problem.Detail(refusal.Args, CultureInfo.CurrentUICulture));
        }
        var content = NoticeSheet.Compute(village, first, village.LastNoticeDigest, histories, _ => "");
        return new NoticePreview(villageId, content.Month, blocked, pending, content.Households, content.Entries, content.Totals);
    }
}
