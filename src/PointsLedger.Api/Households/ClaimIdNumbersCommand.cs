using JasperFx.CommandLine;
using Marten;

namespace PointsLedger.Households;

/// <summary>
/// <c>claim-id-numbers</c>: the upgrade step that gives households registered before ID numbers were
/// unique per township their claims (deploy/README.md); the exit code is 1 while any number is held twice.
/// </summary>
[Description("Claim the ID numbers of households registered before they were unique per township, and list any held twice", Name = "claim-id-numbers")]
public sealed class ClaimIdNumbersCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var report = await IdNumberClaims.BackfillAsync(session, CancellationToken.None);
        await session.SaveChangesAsync();
        Console.WriteLine($"{report.Claimed} ID numbers claimed, {report.Conflicts.Count} held by two households");
        foreach (var c in report.Conflicts) Console.WriteLine($"  {c.Township}: {c.VillageCode} {c.HouseholdNo} and {c.OtherVillageCode} {c.OtherHouseholdNo}");
        return report.Conflicts.Count == 0;
    }
}
