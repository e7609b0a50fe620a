using Marten;
using PointsLedger.Ledger;
using PointsLedger.Villages;

namespace PointsLedger.Notices;

public sealed record NoticeMismatch(Guid VillageId, string VillageCode, string Month, string Problem);

public sealed record NoticeAuditReport(int Notices, IReadOnlyList<NoticeMismatch> Mismatches)
{
    public bool Clean => Mismatches.Count == 0;
}

/// <summary>
/// Derives every closed notice again from the households' events and compares: a changed or deleted
/// event changes the digest; a notice whose recorded previous digest is not its predecessor's breaks
/// the chain; a village whose closing record names another digest has had its notice replaced.
/// </summary>
public static class NoticeAudit
{
    /// <param name="township">Only this township's villages; null for all.</param>
    public static async Task<NoticeAuditReport> RunAsync(IQuerySession session, string? township, CancellationToken ct)
    {
        var mismatches = new List<NoticeMismatch>();
        var notices = await session.Query<Notice>().ToListAsync(ct);
        var count = 0;
        foreach (var byVillage in notices.GroupBy(n => n.VillageId))
        {
            var village = await session.LoadVillageAsync(byVillage.Key, ct);
            if (township is not null && village.Township != township) continue;
            count += byVillage.Count();
            var closings = (await session.Events.FetchStreamAsync(village.Id, token: ct)).Select(e => e.Data).OfType<MonthClosed>().ToDictionary(c => c.Month);
            var (_, histories) = await session.LoadVillageHistoriesAsync(village.Id, ct);
            string? previous = null;
            foreach (var notice in byVillage.OrderBy(n => n.Content.Month, StringComparer.Ordinal))
            {
                void Report(string problem) => mismatches.Add(new NoticeMismatch(village.Id, village.Code, notice.Content.Month, problem));
                if (notice.Content.PreviousDigest != previous) Report("chain-broken");
                if (!closings.TryGetValue(notice.Content.Month, out var closed) || closed.Digest != notice.Digest) Report("closing-record-differs");

                var codes = notice.Content.Households.ToDictionary(l => l.HouseholdNo, l => l.ProofCode);
                var derived = NoticeSheet.Compute(village, Months.FirstDayOf(notice.Content.Month), notice.Content.PreviousDigest, histories,
                    householdNo => codes.GetValueOrDefault(householdNo, "-"));
                if (derived.Digest() != notice.Digest) Report("events-differ");
                if (notice.Content.Digest() != notice.Digest) Report("notice-altered");
                previous = notice.Digest;
            }
        }
        return new NoticeAuditReport(count, mismatches);
    }
}
