using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Ledger;
using PointsLedger.Security;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Notices;

public sealed record CloseMonth(string Month)
{
    public sealed class Validator : AbstractValidator<CloseMonth>
    {
        public Validator() => RuleFor(x => x.Month).NotEmpty().Matches("^2[0-9]{3}-(0[1-9]|1[0-2])$").WithMessage("月份格式应为 2026-10", "A month looks like 2026-10");
    }
}

public sealed record ClosedMonthAnswer(
    Guid VillageId, string Month, string Digest, string? PreviousDigest, string MerkleRoot, DateOnly ObjectionDeadline, int Households)
    : CreationResponse($"/api/villages/{VillageId}/notices/{Month}");

public static class CloseMonthEndpoint
{
    /// <summary>
    /// 月度结账公示：closes the month for the village and posts its notice. Holds the village closed
    /// (see VillageLocks) so no award can be dated into the month while it closes.
    /// </summary>
    [WolverinePost("/api/villages/{villageId}/notices"), Tags("Notices")]
    public static async Task<ClosedMonthAnswer> Post(
        Guid villageId, CloseMonth command, Actor actor, [WriteStream] IEventStream<Village> stream, IDocumentSession session, TimeProvider clock,
        IOptions<NoticeSettings> settings, CancellationToken ct)
    {
        actor.MustBe(Roles.Approver, Roles.Admin).MustActIn(villageId);
        var village = stream.Found();
        await session.CloseVillageAsync(villageId, ct);
        actor.MustActIn(village);

        var month = Months.FirstDayOf(command.Month);
        var today = clock.Today();
        var (households, histories) = await session.LoadVillageHistoriesAsync(villageId, ct);
        NoticeDecisions.CheckClose(village, month, today, PendingInMonth.Of(households, month));

        var content = NoticeSheet.Compute(village, month, village.LastNoticeDigest, histories, _ => ReadableCodes.Random());
        var digest = content.Digest();
        var noticeId = Notice.IdFor(villageId, content.Month);
        var deadline = today.AddDays(settings.Value.ObjectionDaysFor(village.Township));
        stream.AppendOne(new MonthClosed(content.Month, noticeId, digest, content.PreviousDigest, actor.Id));
        session.Events.StartStream<Notice>(noticeId, new NoticePublished(noticeId, villageId, content, digest, deadline, actor.Id));

        return new ClosedMonthAnswer(villageId, content.Month, digest, content.PreviousDigest, content.MerkleRoot, deadline, content.Totals.Households);
    }
}
