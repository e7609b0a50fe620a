using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Search;

/// <param name="Households">Households that have not moved out.</param>
public sealed record VillageListItem(Guid VillageId, string Code, string Name, string Township, int Households);

public static class ListVillagesEndpoint
{
    private sealed record Position(string Code);

    /// <summary>
    /// 查找村（社区）, by code, 50 a page: a township's roles see its villages, village staff their own.
    /// <c>code</c> is an exact match; <c>q</c> matches part of the name or the code.
    /// </summary>
    [WolverineGet("/api/villages"), Tags("Villages")]
    public static async Task<Page<VillageListItem>> Get(
        string? township, string? code, string? q, string? cursor, Actor actor, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Auditor, Roles.Cadre, Roles.Approver);
        if (township is not null) actor.MustActInTownship(township);
        var after = Cursor.Read<Position>(cursor);
        if (after is { Code: null }) throw new Refusal(ProblemCodes.InvalidCursor);

        var query = session.Query<Village>().AsQueryable();
        if (actor.Role is Roles.Cadre or Roles.Approver) query = query.Where(v => v.Id == actor.VillageId);
        if ((township ?? actor.Township) is { } scope) query = query.Where(v => v.Township == scope);
        if (code is not null) query = query.Where(v => v.Code == code);
        if (q?.Trim() is { Length: > 0 } text) query = query.Where(v => v.Name.Contains(text) || v.Code.Contains(text));
        if (after is not null) query = query.Where(v => v.Code.CompareTo(after.Code) > 0);
        var villages = await query.OrderBy(v => v.Code).Take(Cursor.PageSize + 1)
            .Select(v => new VillageListItem(v.Id, v.Code, v.Name, v.Township, 0))
            .ToListAsync(ct);

        var ids = villages.Select(v => v.VillageId).ToArray();
        var open = await session.Query<Household>().Where(h => h.VillageId.IsOneOf(ids) && h.MovedOutOn == null).Select(h => h.VillageId).ToListAsync(ct);
        var counts = open.CountBy(id => id).ToDictionary();
        return Cursor.Paged(villages.Select(v => v with { Households = counts.GetValueOrDefault(v.VillageId) }).ToList(), last => new Position(last.Code));
    }
}
