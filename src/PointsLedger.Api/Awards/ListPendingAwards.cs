using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Ledger;
using PointsLedger.Problems;
using PointsLedger.Staff;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Awards;

/// <param name="Name">The head's name, masked for readers outside the village.</param>
public sealed record PendingAwardItem(
    Guid AwardId, Guid HouseholdId, Guid VillageId, string HouseholdNo, string Name, string RuleCode, PointColor Color, int Points,
    DateOnly OccurredOn, string SubmittedBy)
{
    /// <summary>The submitter's name, for staff accounts.</summary>
    public string? SubmittedByName { get; init; }

    public string? Note { get; init; }

    /// <summary>The hours, photos (<c>GET /api/evidence/{id}/thumbnail</c>), claimant or quarter the approver decides on.</summary>
    public AwardDetails? Details { get; init; }

    public AccountKind Kind { get; init; }
}

public static class ListPendingAwardsEndpoint
{
    private sealed record Position(string AwardId);

    /// <summary>
    /// 待审批: awards waiting for an approver, oldest submission first, 50 a page; in one village, or in every
    /// village of the caller's township. <c>status</c> is <c>pending</c>: credited and revoked awards are
    /// in the households' ledgers.
    /// </summary>
    [WolverineGet("/api/awards"), Tags("Awards")]
    public static async Task<Page<PendingAwardItem>> Get(
        Guid? villageId, AwardStatus? status, string? submittedBy, string? cursor, Actor actor, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Auditor, Roles.Cadre, Roles.Approver);
        if (status is not (null or AwardStatus.Pending))
        {
            throw new Refusal(ProblemCodes.ValidationFailed) { Extensions = { ["errors"] = new Dictionary<string, string[]> { ["status"] = ["pending"] } } };
        }
        var village = villageId ?? actor.VillageId;
        if (village is { } id) actor.MustActIn(await session.LoadVillageAsync(id, ct));
        else actor.MustBe(Roles.Admin, Roles.Auditor);
        var after = Cursor.Read<Position>(cursor);
        if (after is { AwardId: null }) throw new Refusal(ProblemCodes.InvalidCursor);

        var households = session.Query<Household>().Where(h => h.HasPendingAwards);
        if (village is { } only) households = households.Where(h => h.VillageId == only);
        else if (actor.Township is { } township)
        {
            var inTownship = await session.Query<Village>().Where(v => v.Township == township).Select(v => v.Id).ToListAsync(ct);
            var ids = inTownship.ToArray();
            households = households.Where(h => h.VillageId.IsOneOf(ids));
        }
        var seesNames = actor.Role is Roles.Admin or Roles.Cadre or Roles.Approver;
        // Award ids are version 7 UUIDs: their text sorts by the time they were submitted.
        var pending = (await households.ToListAsync(ct))
            .SelectMany(h => h.Pending.Values.Select(p => new PendingAwardItem(p.AwardId, h.Id, h.VillageId, h.HouseholdNo,
                seesNames ? h.HeadName : PersonName.Mask(h.HeadName), p.RuleCode, p.Color, p.Points, p.OccurredOn, p.SubmittedBy)
            {
                Note = p.Note, Details = p.Details, Kind = h.Kind,
            }))
            .Where(p => submittedBy is null || p.SubmittedBy == submittedBy)
            .Where(p => after is null || string.CompareOrdinal(p.AwardId.ToString("N"), after.AwardId) > 0)
            .OrderBy(p => p.AwardId.ToString("N"), StringComparer.Ordinal)
            .Take(Cursor.PageSize + 1)
            .ToList();
        var names = await ActorNames.OfAsync(session, pending.Select(p => p.SubmittedBy), ct);
        pending = pending.Select(p => p with { SubmittedByName = names.For(p.SubmittedBy) }).ToList();
        return Cursor.Paged(pending, last => new Position(last.AwardId.ToString("N")));
    }
}
