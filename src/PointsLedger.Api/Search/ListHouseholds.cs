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
public sealed record HouseholdListItem(
    Guid HouseholdId, string HouseholdNo, string Name, string? Grid, HouseholdStatus Status, int Available, int Earned, AccountKind Kind);

public static class ListHouseholdsEndpoint
{
    /// <summary>Where a page ended: the sort it was in and the last household's key in it.</summary>
    private sealed record Position(HouseholdSort Sort, string Key);

    private sealed record Row(
        Guid Id, string HouseholdNo, string HeadName, string? Grid, DateOnly? MovedOutOn, int Available, int Earned, string ByEarned, string ByAvailable, AccountKind Kind)
    {
        public string KeyIn(HouseholdSort sort) => sort switch { HouseholdSort.Number => HouseholdNo, HouseholdSort.Earned => ByEarned, _ => ByAvailable };
    }

    /// <summary>
    /// 查找农户: the village's households, 50 a page (<c>cursor</c> = the last page's <c>next</c>), by number or
    /// by points (most first). <c>q</c> matches the household number and, for readers who see names (the
    /// village's staff, admins), the head's or a member's name or the phone's last four digits. Individuals'
    /// accounts (网格员, 志愿者…) are listed too; <c>kind</c> (household, grid-worker, volunteer, rider, other) keeps one kind.
    /// </summary>
    [WolverineGet("/api/villages/{villageId}/households"), Tags("Households")]
    public static async Task<Page<HouseholdListItem>> Get(
        Guid villageId, string? q, string? grid, HouseholdStatus? status, string? kind, HouseholdSort? sort, string? cursor,
        Actor actor, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Auditor, Roles.Cadre, Roles.Approver).MustActIn(villageId);
        actor.MustActIn(await session.LoadVillageAsync(villageId, ct));
        var seesNames = actor.Role is Roles.Admin or Roles.Cadre or Roles.Approver;
        var order = sort ?? HouseholdSort.Number;
        var after = Cursor.Read<Position>(cursor);
        if (after is not null && (after.Sort != order || after.Key is null)) throw new Refusal(ProblemCodes.InvalidCursor);

        var query = session.Query<Household>().Where(h => h.VillageId == villageId);
        if (grid is not null) query = query.Where(h => h.Grid == grid);
        if (kind is not null)
        {
            var only = AccountKinds.Parse(kind) ?? throw new Refusal(ProblemCodes.ValidationFailed)
            {
                Extensions = { ["errors"] = new Dictionary<string, string[]> { ["kind"] = [string.Join(", ", Enum.GetValues<AccountKind>().Select(k => k.Name()))] } },
            };
            query = query.Where(h => h.Kind == only);
        }
        if (status == HouseholdStatus.Active) query = query.Where(h => h.MovedOutOn == null);
        if (status == HouseholdStatus.Closed) query = query.Where(h => h.MovedOutOn != null);
        if (q?.Trim() is { Length: > 0 } text)
        {
            var phoneDigits = seesNames && text.Length == 4 && text.All(char.IsAsciiDigit);
            query = seesNames
                ? query.Where(h => h.HouseholdNo.Contains(text) || h.Names.Contains(text) || (phoneDigits && h.Phone!.EndsWith(text)))
                : query.Where(h => h.HouseholdNo.Contains(text));
        }
        query = (order, after?.Key) switch
        {
            (HouseholdSort.Number, null) => query.OrderBy(h => h.HouseholdNo),
            (HouseholdSort.Number, { } key) => query.Where(h => h.HouseholdNo.CompareTo(key) > 0).OrderBy(h => h.HouseholdNo),
            (HouseholdSort.Earned, null) => query.OrderBy(h => h.ByEarned),
            (HouseholdSort.Earned, { } key) => query.Where(h => h.ByEarned.CompareTo(key) > 0).OrderBy(h => h.ByEarned),
            (_, null) => query.OrderBy(h => h.ByAvailable),
            (_, { } key) => query.Where(h => h.ByAvailable.CompareTo(key) > 0).OrderBy(h => h.ByAvailable),
        };

        var rows = await query.Take(Cursor.PageSize + 1)
            .Select(h => new Row(h.Id, h.HouseholdNo, h.HeadName, h.Grid, h.MovedOutOn, h.Available.Total, h.Earned.Total, h.ByEarned, h.ByAvailable, h.Kind))
            .ToListAsync(ct);
        var page = Cursor.Paged(rows, last => new Position(order, last.KeyIn(order)));
        return new Page<HouseholdListItem>(page.Items.Select(r => new HouseholdListItem(r.Id, r.HouseholdNo,
            seesNames ? r.HeadName : PersonName.Mask(r.HeadName), r.Grid, r.MovedOutOn is null ? HouseholdStatus.Active : HouseholdStatus.Closed,
            r.Available, r.Earned, r.Kind)).ToList(), page.Next);
    }
}
