using JasperFx.CommandLine;
using Marten;

namespace PointsLedger.Notices;

/// <summary>
/// <c>dotnet run --project src/PointsLedger.Api -- audit-notices</c>: the notice audit from the command line,
/// for an operator or a cron job; the exit code is 1 when any notice does not match its events.
/// </summary>
[Description("Re-derive every closed monthly notice from the events and report any mismatch", Name = "audit-notices")]
public sealed class AuditNoticesCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var report = await NoticeAudit.RunAsync(session, township: null, CancellationToken.None);
        Console.WriteLine($"{report.Notices} notices checked, {report.Mismatches.Count} mismatches");
        foreach (var mismatch in report.Mismatches) Console.WriteLine($"  {mismatch.VillageCode} {mismatch.Month}: {mismatch.Problem}");
        return report.Clean;
    }
}
