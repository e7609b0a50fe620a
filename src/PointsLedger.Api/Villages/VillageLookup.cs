using Marten;
using PointsLedger.Problems;

namespace PointsLedger.Villages;

public static class VillageLookup
{
    public static async Task<Village> LoadVillageAsync(this IQuerySession session, Guid villageId, CancellationToken ct) =>
        await session.LoadAsync<Village>(villageId, ct) ?? throw new Refusal(ProblemCodes.VillageNotFound, villageId);

    public static Rule RuleFor(this Village village, string ruleCode) =>
        village.Rules.TryGetValue(ruleCode, out var rule) ? rule : throw new Refusal(ProblemCodes.UnknownRule, ruleCode);
}
