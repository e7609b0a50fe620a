using System.Security.Cryptography;
using System.Text;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Http;
using Wolverine.Http;

namespace PointsLedger.Expiry;

/// <summary>
/// One run of the sweep, kept so an admin can see that last night's ran, once, and where: the node is
/// the host and process that ran it, since any of several API nodes may. A nightly firing's run has an
/// id of its own firing, so a firing delivered twice (a failover) fails to insert its second run and rolls
/// back with the households it would have handed out.
/// </summary>
public sealed record ExpirySweepRun(Guid Id, DateOnly AsOf, DateTimeOffset? Occurrence, DateTimeOffset RanAt, string Node, int Households)
{
    public static ExpirySweepRun Of(RunExpirySweep command, DateOnly asOf, int households, TimeProvider clock) =>
        new(command.Occurrence is { } firing ? IdOf(firing) : Guid.CreateVersion7(), asOf, command.Occurrence, clock.GetUtcNow(),
            $"{Environment.MachineName}:{Environment.ProcessId}", households);

    private static Guid IdOf(DateTimeOffset firing) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"expiry-sweep:{firing.UtcDateTime:O}")).AsSpan(0, 16));
}

public sealed record ExpirySweepRuns(IReadOnlyList<ExpirySweepRun> Runs);

public static class ListExpirySweepRunsEndpoint
{
    public const int Shown = 60;

    /// <summary>清零记录：最近的到期积分清理（每夜一次及管理员手动运行），最新的在前。Admins of every township only.</summary>
    [WolverineGet("/api/expiry/runs"), Tags("Expiry")]
    public static async Task<ExpirySweepRuns> Get(Actor actor, IQuerySession session, CancellationToken ct)
    {
        // A run counts the households of every township, and names the servers.
        if (actor.MustBe(Roles.Admin).Township is not null) throw new Problems.Refusal(Problems.ProblemCodes.OutOfScope);
        var runs = await session.Query<ExpirySweepRun>().OrderByDescending(run => run.RanAt).Take(Shown).ToListAsync(ct);
        return new ExpirySweepRuns(runs);
    }
}
