using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PointsLedger.Auth;
using PointsLedger.Exports;
using PointsLedger.Http;
using PointsLedger.Households;
using PointsLedger.Ledger;
using PointsLedger.Printing;
using Wolverine.Http;

namespace PointsLedger.Notices;

/// <summary>An objection as the reader may see it: residents see the text and answer of their own household's only.</summary>
public sealed record ObjectionView(Guid ObjectionId, string HouseholdNo, int? EntryNo, string Status, DateOnly RaisedOn, string? Text, string? Answer);

public sealed record NoticeView(
    Guid VillageId, string VillageCode, string VillageName, string Township, string Month, string Digest, string? PreviousDigest, string MerkleRoot, DateOnly ObjectionDeadline, bool Final,
    IReadOnlyList<NoticeLine> Households, IReadOnlyList<NoticeEntry> Entries, NoticeTotals Totals, IReadOnlyList<ObjectionView> Objections)
{
    public static NoticeView For(Notice notice, IReadOnlyList<Objection> objections, Actor reader, DateOnly today) => new(
        notice.VillageId, notice.Content.VillageCode, notice.Content.VillageName, notice.Content.Township, notice.Content.Month, notice.Digest, notice.Content.PreviousDigest, notice.Content.MerkleRoot,
        notice.ObjectionDeadline, notice.IsFinal(today), notice.Content.Households, notice.Content.Entries, notice.Content.Totals,
        objections.Select(o =>
        {
            var full = reader.Role != Roles.Resident || reader.HouseholdId == o.HouseholdId;
            return new ObjectionView(o.Id, o.HouseholdNo, o.EntryNo, o.Outcome ?? "open", o.RaisedOn, full ? o.Text : null, full ? o.Answer : null);
        }).ToList());

    public Table ToTable() => new(
        $"{VillageName}-{Month}-积分公示",
        ["户号", "户主", "红", "紫", "橙", "绿", "蓝", "本月合计", "本年累计", "本月兑换", "可用积分", "排名", "核验码", "类别"],
        [
            .. Households.Select(l => (IReadOnlyList<object?>)[l.HouseholdNo, l.Name, .. Colors(l.Earned), l.YearToDate.Total, l.Spent, l.Available, l.Rank, l.ProofCode,
                (l.Kind ?? AccountKind.Household).Label()]),
            ["合计", NoticeBoard.Posted(Totals), .. Colors(Totals.Earned), null, Totals.Spent, null, null, null, null],
            ["摘要", Digest, null, null, null, null, null, null, null, null, null, null, null, null],
        ]);

    /// <summary>The spreadsheet: the households as posted, the month's entries, and the digests that tie the sheet to the ledger.</summary>
    public IReadOnlyList<Table> ToWorkbook() =>
    [
        ToTable() with { Title = "公示" },
        new("明细", ["序号", "户号", "类型", "细则编码", "细则", "颜色", "分值", "日期", "台账页行", "时长（小时）"],
            [.. Entries.Select(e => (IReadOnlyList<object?>)[e.EntryNo, e.HouseholdNo, NoticeBoard.KindName(e.Kind), e.RuleCode, e.RuleTitle,
                ColorStyles.Of(e.Color).Short, e.Points, e.OccurredOn.ToString("yyyy-MM-dd"), e.PaperRef, e.Quantity])]),
        new("核验", ["项目", "值"],
        [
            ["村（社区）", $"{Township} {VillageName}（{VillageCode}）"], ["月份", Month], ["摘要", Digest], ["上月摘要", PreviousDigest],
            ["默克尔根", MerkleRoot], ["异议截止", ObjectionDeadline.ToString("yyyy-MM-dd")], ["户数", Totals.Households], ["个人数", Totals.Individuals ?? 0],
        ]),
    ];

    private static object?[] Colors(ColorTotals t) => [t.Red, t.Purple, t.Orange, t.Green, t.Blue, t.Total];
}

public static class GetNoticeEndpoint
{
    /// <summary>
    /// 月度积分公示: <c>2026-10</c> (JSON), <c>.csv</c>, <c>.xlsx</c>, or the sheet to print: <c>.html</c>
    /// and <c>.pdf</c>, A4 landscape or <c>?paper=a3</c>. Names are always masked.
    /// </summary>
    [WolverineGet("/api/villages/{villageId}/notices/{month}"), Tags("Notices"), ProducesResponseType<NoticeView>(200, "application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/html", "application/pdf")]
    public static async Task<IResult> Get(
        Guid villageId, string month, Paper? paper, Actor actor, IQuerySession session, TimeProvider clock, IOptions<NoticeSettings> settings,
        PdfFont font, HttpContext context, CancellationToken ct)
    {
        var request = MonthRequest.Parse(month);
        var notice = await session.LoadNoticeForAsync(villageId, request.Month, actor, ct);
        var verifyUrl = NoticeBoard.VerifyUrl(notice.Content, notice.Digest, settings.Value.PublicBaseUrl ?? $"{context.Request.Scheme}://{context.Request.Host}");
        var objections = await session.Query<Objection>().Where(o => o.NoticeId == notice.Id).OrderBy(o => o.Id).ToListAsync(ct);
        return request.Format.Answer(NoticeView.For(notice, objections, actor, clock.Today()), view => view.ToTable(),
            html: view => new RazorComponentResult<NoticeBoardPage>(new { Notice = view, VerifyUrl = verifyUrl, Paper = paper ?? Paper.A4 }),
            pdf: view => NoticePdf.Render(view, verifyUrl, paper ?? Paper.A4, font.Typeface), workbook: view => view.ToWorkbook());
    }
}
