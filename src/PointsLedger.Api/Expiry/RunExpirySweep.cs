using Marten;
using Microsoft.Extensions.Options;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Villages;
using Wolverine;
using Wolverine.Http;

namespace PointsLedger.Expiry;

/// <summary>
/// Finds every household holding points past its township's expiry and expires them: as of today unless
/// told. <see cref="Occurrence"/> is the nightly firing it answers; none when an admin runs it.
/// </summary>
public sealed record RunExpirySweep(DateOnly? AsOf, DateTimeOffset? Occurrence = null);

public sealed record ExpirySweepStarted(DateOnly AsOf, int Households);

public static class RunExpirySweepHandler
{
    public static async Task<(ExpirySweepStarted, OutgoingMessages)> Handle(
        RunExpirySweep command, IDocumentSession session, IOptions<ExpirySettings> settings, TimeProvider clock, CancellationToken ct)
    {
        var asOf = command.AsOf ?? clock.Today();
        var outgoing = new OutgoingMessages();
        foreach (var village in await session.Query<Village>().ToListAsync(ct))
        {
            var policy = settings.Value.For(village.Township);
            var cutoff = policy.ExpiredBefore(asOf);
            var due = await session.Query<Household>()
                .Where(h => h.VillageId == village.Id && h.OldestOpenGrant < cutoff)
                .Select(h => h.Id)
                .ToListAsync(ct);
            outgoing.AddRange(due.Select(id => new ExpireHouseholdPoints(id, asOf, policy.YearsKept)));
        }
        session.Insert(ExpirySweepRun.Of(command, asOf, outgoing.Count, clock));
        return (new ExpirySweepStarted(asOf, outgoing.Count), outgoing);
    }
}

public static class RunExpirySweepEndpoint
{
    /// <summary>清零：立即运行一次到期积分清理（每日也会自动运行）。Township admins only.</summary>
    [WolverinePost("/api/expiry/run"), Tags("Expiry")]
    public static Task<(ExpirySweepStarted, OutgoingMessages)> Post(
        Actor actor, IDocumentSession session, IOptions<ExpirySettings> settings, TimeProvider clock, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin);
        return RunExpirySweepHandler.Handle(new RunExpirySweep(null), session, settings, clock, ct);
    }
}
