using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Ledger;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Notices;

public sealed record PendingInMonth(string HouseholdNo, Guid AwardId, string RuleCode, DateOnly OccurredOn)
{
    /// <summary>Awards dated in the month or before it that still wait for an approver: they hold the month open.</summary>
    public static IReadOnlyList<PendingInMonth> Of(IEnumerable<Household> households, DateOnly month) => households
        .SelectMany(h => h.Pending.Values.Where(p => p.OccurredOn < month.AddMonths(1)).Select(p => new PendingInMonth(h.HouseholdNo, p.AwardId, p.RuleCode, p.OccurredOn)))
        .OrderBy(p => p.HouseholdNo, StringComparer.Ordinal)
        .ToList();
}

public static class NoticeDecisions
{
    /// <summary>
    /// A month closes once it has ended (Asia/Shanghai), after the month before it, with no award of
    /// it or before it still waiting for approval.
    /// </summary>
    public static void CheckClose(Village village, DateOnly month, DateOnly today, IReadOnlyList<PendingInMonth> pending)
    {
        var text = Months.Of(month);
        if (today < month.AddMonths(1)) throw new Refusal(ProblemCodes.MonthNotEnded, text);
        if (village.IsClosed(month)) throw new Refusal(ProblemCodes.MonthAlreadyClosed, text);
        if (village.ClosedThrough is { } closed && Months.FirstDayOf(closed).AddMonths(1) is var nextOpen && nextOpen != month)
        {
            throw new Refusal(ProblemCodes.MonthOutOfOrder, text, Months.Of(nextOpen));
        }
        if (pending.Count > 0) throw new Refusal(ProblemCodes.AwardsPending, text, pending.Count) { Extensions = { ["pending"] = pending } };
    }

    public const int OpenObjectionsPerHousehold = 3;

    /// <summary>Inside the window, for a household on the notice, at most three open at a time (the caller counts them under the notice's lock).</summary>
    public static ObjectionRaised Raise(Notice notice, Household household, int openOfHousehold, int? entryNo, string text, Actor actor, DateOnly today)
    {
        if (notice.IsFinal(today)) throw new Refusal(ProblemCodes.ObjectionWindowClosed, notice.ObjectionDeadline.ToString("yyyy-MM-dd"));
        if (notice.Content.Households.All(line => line.HouseholdNo != household.HouseholdNo)) throw new Refusal(ProblemCodes.HouseholdNotOnNotice);
        if (entryNo is { } no && notice.Content.Entries.All(entry => entry.EntryNo != no)) throw new Refusal(ProblemCodes.UnknownEntry, no);
        if (openOfHousehold >= OpenObjectionsPerHousehold) throw new Refusal(ProblemCodes.TooManyOpenObjections, OpenObjectionsPerHousehold);
        return new ObjectionRaised(Guid.CreateVersion7(), household.Id, household.HouseholdNo, entryNo, text, today, actor.Id);
    }

    public static ObjectionAnswered Answer(Notice notice, Objection? objection, Guid objectionId, bool upheld, string answer, Actor actor, DateOnly today)
    {
        if (objection?.NoticeId != notice.Id) throw new Refusal(ProblemCodes.ObjectionNotFound, objectionId);
        if (!objection.IsOpen) throw new Refusal(ProblemCodes.ObjectionAlreadyAnswered);
        return new ObjectionAnswered(objectionId, upheld, answer, today, actor.Id);
    }

}
