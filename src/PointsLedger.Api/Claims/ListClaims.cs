using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Claims;

/// <param name="HouseholdNo">The household's (or individual's) number in the village.</param>
/// <param name="Name">The head's name, masked for readers outside the village.</param>
public sealed record ClaimItem(
    Guid ClaimId, Guid HouseholdId, string HouseholdNo, string Name, string RuleCode, string RuleTitle, int Points, DateOnly OccurredOn, string? Note,
    IReadOnlyList<string> EvidenceIds, ClaimStatus Status, DateTimeOffset FiledAt, Guid? AwardId, string? DeclineReason)
{
    /// <summary>The hours claimed, for a rule per hour; <see cref="Points"/> are then for all of them.</summary>
    public int? Quantity { get; init; }
}

public static class ListClaimsEndpoint
{
    private sealed record Position(DateTimeOffset FiledAt);

    /// <summary>
    /// 村民申报: a village's claims, oldest first (the queue), 50 a page; <c>status</c> keeps the open, accepted or declined ones.
    /// A resident sees their own household's, newest first, whatever village is asked for.
    /// </summary>
    [WolverineGet("/api/claims"), Tags("Claims")]
    public static async Task<Page<ClaimItem>> Get(
        Guid? villageId, ClaimStatus? status, string? cursor, Actor actor, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Auditor, Roles.Cadre, Roles.Approver, Roles.Resident);
        var after = Cursor.Read<Position>(cursor);
        var claims = session.Query<ClaimRecord>().AsQueryable();
        if (actor.Role == Roles.Resident)
        {
            var own = actor.HouseholdId ?? throw new Refusal(ProblemCodes.Forbidden);
            claims = claims.Where(c => c.HouseholdId == own);
        }
        else
        {
            var village = villageId ?? actor.VillageId ?? throw new Refusal(ProblemCodes.VillageRequired);
            actor.MustActIn(village);
            actor.MustActIn(await session.LoadVillageAsync(village, ct));
            claims = claims.Where(c => c.VillageId == village);
        }
        if (status is { } only) claims = claims.Where(c => c.Status == only);
        var newestFirst = actor.Role == Roles.Resident;
        claims = (newestFirst, after?.FiledAt) switch
        {
            (true, null) => claims.OrderByDescending(c => c.FiledAt),
            (true, { } before) => claims.Where(c => c.FiledAt < before).OrderByDescending(c => c.FiledAt),
            (false, null) => claims.OrderBy(c => c.FiledAt),
            (false, { } since) => claims.Where(c => c.FiledAt > since).OrderBy(c => c.FiledAt),
        };
        var page = await claims.Take(Cursor.PageSize + 1).ToListAsync(ct);

        var households = (await session.LoadManyAsync<Household>(ct, page.Select(c => c.HouseholdId).Distinct())).ToDictionary(h => h.Id);
        var villages = (await session.LoadManyAsync<Village>(ct, page.Select(c => c.VillageId).Distinct())).ToDictionary(v => v.Id);
        var seesNames = actor.Role is Roles.Admin or Roles.Cadre or Roles.Approver or Roles.Resident;
        var items = page.Select(c =>
        {
            var household = households[c.HouseholdId];
            var rule = villages[c.VillageId].Rules.GetValueOrDefault(c.RuleCode);
            return new ClaimItem(c.Id, c.HouseholdId, household.HouseholdNo, seesNames ? household.HeadName : PersonName.Mask(household.HeadName),
                c.RuleCode, rule?.Title ?? c.RuleCode, (rule?.Points ?? 0) * (c.Quantity ?? 1), c.OccurredOn, c.Note, c.EvidenceIds, c.Status, c.FiledAt, c.AwardId,
                c.DeclineReason)
            {
                Quantity = c.Quantity,
            };
        }).ToList();
        return Cursor.Paged(items, last => new Position(last.FiledAt));
    }
}
