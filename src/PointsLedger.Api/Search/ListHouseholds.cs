using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Search;

public enum HouseholdSort
{
    Number,
    Earned,
    Available,
}

/// <param name="Name">The head's name; masked (张*明) for readers outside the household's village.</param>
/// <param name="Available">可用积分, all colours.</param>
/// <param name="Earned">累计积分, all colours.</param>
public sealed record HouseholdListItem(Guid HouseholdId, string HouseholdNo, string Name, string? Grid, HouseholdStatus Status, int Available, int Earned);

public static class ListHouseholdsEndpoint
{
    /// <summary>Where a page ended: the sort it was in, the last household's number and, sorted by points, its points.</summary>
    private sealed record Position(HouseholdSort Sort, string No, int Points);

    private sealed record Row(Guid Id, string HouseholdNo, string HeadName, string? Grid, DateOnly? MovedOutOn, int Available, int Earned);

    /// <summary>
    /// 查找农户: the village's households, 50 a page (<c>cursor</c> = the last page's <c>next</c>), by number or
    /// by points (most first). <c>q</c> matches the household number and, for readers who see names (the
    /// village's staff, admins), the head's or a member's name or the phone's last four digits.
    /// </summary>
    [WolverineGet("/api/villages/{villageId}/households"), Tags("Households")]
    public static async Task<Page<HouseholdListItem>> Get(
        Guid villageId, string? q, string? grid, HouseholdStatus? status, HouseholdSort? sort, string? cursor,
        Actor actor, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Auditor, Roles.Cadre, Roles.Approver).MustActIn(villageId);
        actor.MustActIn(await session.LoadVillageAsync(villageId, ct));
        var seesNames = actor.Role is Roles.Admin or Roles.Cadre or Roles.Approver;
        var order = sort ?? HouseholdSort.Number;
        var after = Cursor.Read<Position>(cursor);
        if (after is not null && after.Sort != order) throw new Refusal(ProblemCodes.InvalidCursor);

        var query = session.Query<Household>().Where(h => h.VillageId == villageId);
        if (grid is not null) query = query.Where(h => h.Grid == grid);
        if (status == HouseholdStatus.Active) query = query.Where(h => h.MovedOutOn == null);
        if (status == HouseholdStatus.Closed) query = query.Where(h => h.MovedOutOn != null);
        if (q?.Trim() is { Length: > 0 } text)
        {
            var phoneDigits = seesNames && text.Length == 4 && text.All(char.IsAsciiDigit);
            query = seesNames
                ? query.Where(h => h.HouseholdNo.Contains(text) || h.Names.Contains(text) || (phoneDigits && h.Phone!.EndsWith(text)))
                : query.Where(h => h.HouseholdNo.Contains(text));
        }
        if (after is { No: var no, Points: var points })
        {
            query = order switch
            {
                HouseholdSort.Number => query.Where(h => h.HouseholdNo.CompareTo(no) > 0),
                HouseholdSort.Earned => query.Where(h => h.Earned.Total < points || (h.Earned.Total == points && h.HouseholdNo.CompareTo(no) > 0)),
                _ => query.Where(h => h.Available.Total < points || (h.Available.Total == points && h.HouseholdNo.CompareTo(no) > 0)),
            };
        }
        query = order switch
        {
            HouseholdSort.Number => query.OrderBy(h => h.HouseholdNo),
            HouseholdSort.Earned => query.OrderByDescending(h => h.Earned.Total).ThenBy(h => h.HouseholdNo),
            _ => query.OrderByDescending(h => h.Available.Total).ThenBy(h => h.HouseholdNo),
        };

        var rows = await query.Take(Cursor.PageSize + 1)
            .Select(h => new Row(h.Id, h.HouseholdNo, h.HeadName, h.Grid, h.MovedOutOn, h.Available.Total, h.Earned.Total))
            .ToListAsync(ct);
        var items = rows.Select(r => new HouseholdListItem(r.Id, r.HouseholdNo, seesNames ? r.HeadName : PersonName.Mask(r.HeadName), r.Grid,
            r.MovedOutOn is null ? HouseholdStatus.Active : HouseholdStatus.Closed, r.Available, r.Earned)).ToList();
        return Cursor.Paged(items, last => new Position(order, last.HouseholdNo, order == HouseholdSort.Earned ? last.Earned : last.Available));
    }
}
