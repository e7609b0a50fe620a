using Marten;
using PointsLedger.Households;
using PointsLedger.Problems;
using PointsLedger.Villages;
using static PointsLedger.Imports.ImportColumns;

namespace PointsLedger.Imports;

/// <summary>
/// A roster's rows: a row with 户主姓名 registers a household, a row with 成员姓名 proposes a member of
/// the household of its 户号 (an approver approves members, as for the single route). A household
/// already registered under the number is unchanged (or a warning where the sheet says otherwise); a
/// person is registered once in the township.
/// </summary>
public sealed class HouseholdRows(Import import, IdNumberHasher hasher) : IImportRows
{
    /// <summary>What this run decided, by household number: on a dry run nothing is stored, so later chunks see it here.</summary>
    private readonly Dictionary<string, (Household State, int Row)> _decided = [];
    private readonly Dictionary<string, int> _people = [];
    private readonly Dictionary<string, int> _heads = [];

    public async Task<IReadOnlyList<RowResult>> ApplyAsync(IDocumentSession session, IReadOnlyList<SheetRow> rows, HeaderRow header, CancellationToken ct)
    {
        var commit = !import.DryRun;
        if (commit) await session.BeginTransactionAsync(ct);
        // What earlier chunks of a commit decided is in the database now, and read from it again under its lock.
        if (commit) _decided.Clear();
        var households = await ChunkHouseholds.FetchAsync(session, import.VillageId, rows.Select(row => header.Text(row, HouseholdNo)), commit, ct);
        var village = commit ? await session.HoldOpenAndLoadAsync(import.VillageId, ct) : await session.LoadVillageAsync(import.VillageId, ct);
        var claimIds = rows.SelectMany(row => new[] { header.Cell(row, ImportColumns.IdNumber), header.Cell(row, MemberIdNumber) })
            .Select(TryIdNumber).OfType<string>().Select(id => IdNumberClaim.IdFor(village.Township, hasher.Hash(id))).Distinct().ToArray();
        var claims = (await session.LoadManyAsync<IdNumberClaim>(ct, claimIds)).ToDictionary(c => c.Id, c => c.HouseholdId);
        var starts = new Dictionary<Guid, List<object>>();
        var results = new List<RowResult>();
        foreach (var row in rows)
        {
            var no = header.Text(row, HouseholdNo);
            try
            {
                RowCells.Required(no, "户号");
                var outcomes = new List<RowStatus>();
                if (header.Text(row, HeadName).Length > 0 || header.Text(row, ImportColumns.IdNumber).Length > 0)
                {
                    outcomes.Add(Head(session, village, claims, row, header, no, households, starts, commit));
                }
                if (header.Text(row, MemberName).Length > 0)
                {
                    outcomes.Add(Member(village, claims, row, header, no, households, starts, commit));
                }
                if (outcomes.Count == 0) throw new Refusal(ProblemCodes.FieldMissing, "户主姓名");
                var status = outcomes.Contains(RowStatus.Created) ? RowStatus.Created : outcomes.Contains(RowStatus.Warning) ? RowStatus.Warning : RowStatus.Unchanged;
                results.Add(new RowResult(row.Number, status, null, [], no));
            }
            catch (Refusal refusal)
            {
                results.Add(RowResult.Of(row.Number, refusal, no));
            }
        }
        if (commit)
        {
            foreach (var (id, events) in starts) session.Events.StartStream<Household>(id, events.ToArray());
        }
        return results;
    }

    private RowStatus Head(
        IDocumentSession session, Village village, Dictionary<string, Guid> claims, SheetRow row, HeaderRow header, string no,
        ChunkHouseholds households, Dictionary<Guid, List<object>> starts, bool commit)
    {
        var head = RowCells.Limited(header.Text(row, HeadName), "户主姓名", 32);
        var idCell = header.Cell(row, ImportColumns.IdNumber);
        if (_heads.TryGetValue(no, out var earlier)) throw new Refusal(ProblemCodes.DuplicateRow, earlier);
        _heads[no] = row.Number;
        var known = Known(no, households);
        if (known is not null)
        {
            if (!RowCells.IsMasked(idCell) && RowCells.IdNumber(idCell, "身份证号") is { } id && hasher.Hash(id) != known.IdNumberHash)
            {
                throw new Refusal(ProblemCodes.HouseholdNumberTaken);
            }
            var differs = Differences(known, head, RowCells.Phone(header.Cell(row, Phone)), header.Text(row, ImportColumns.Grid));
            return differs.Length == 0 ? RowStatus.Unchanged : throw new Refusal(ProblemCodes.HouseholdDiffers, no, differs);
        }

        var idNumber = RowCells.IdNumber(idCell, "身份证号") ?? throw new Refusal(ProblemCodes.FieldMissing, "身份证号");
        RowCells.Required(head, "户主姓名");
        RowCells.Limited(no, "户号", 32);
        var phone = RowCells.Phone(header.Cell(row, Phone));
        var grid = header.Text(row, ImportColumns.Grid) is { Length: > 0 } g ? g : null;
        if (grid is not null && !village.Grids.ContainsKey(grid)) throw new Refusal(ProblemCodes.UnknownGrid, grid);
        var hash = hasher.Hash(idNumber);
        MustBeFree(village, claims, hash, null);

        var registered = RegisterHouseholdEndpoint.Registration(village, new RegisterHousehold(no, head, idNumber, phone, grid), hasher, import.Uploader);
        _people[hash] = row.Number;
        _decided[no] = (Household.Create(registered), row.Number);
        starts[registered.HouseholdId] = [registered];
        if (commit) session.Insert(new IdNumberClaim(IdNumberClaim.IdFor(village.Township, hash), registered.HouseholdId));
        return RowStatus.Created;
    }

    private RowStatus Member(
        Village village, Dictionary<string, Guid> claims, SheetRow row, HeaderRow header, string no,
        ChunkHouseholds households, Dictionary<Guid, List<object>> starts, bool commit)
    {
        var household = Known(no, households) ?? throw new Refusal(ProblemCodes.HouseholdNumberUnknown, no);
        var name = RowCells.Limited(header.Text(row, MemberName), "成员姓名", 32);
        var relation = RowCells.Required(RowCells.Limited(header.Text(row, Relation), "与户主关系", 16), "与户主关系");
        var idCell = header.Cell(row, MemberIdNumber);
        if (RowCells.IsMasked(idCell) || CellText.Clean(idCell?.Text).Length == 0)
        {
            return household.Members.Concat(household.MemberChanges.Values.Select(c => c.Member)).Any(m => m.Name == name && m.Relation == relation)
                ? RowStatus.Unchanged
                : throw new Refusal(ProblemCodes.FieldMissing, "成员身份证号");
        }
        var idNumber = RowCells.IdNumber(idCell, "成员身份证号")!;
        var hash = hasher.Hash(idNumber);
        if (household.HasPerson(hash)) return RowStatus.Unchanged;
        MustBeFree(village, claims, hash, household.Id);
        var member = new Member(Guid.CreateVersion7(), name, relation, Households.IdNumber.Mask(idNumber), hash, hasher.CardCheck(household.CardCheckKey, idNumber[^6..]));
        var proposed = MemberDecisions.Propose(household, member, import.Uploader);
        _people[hash] = row.Number;
        _decided[no] = (household.Apply(proposed), row.Number);
        if (starts.TryGetValue(household.Id, out var started)) started.Add(proposed);
        else if (commit) households.Append(no, proposed);
        return RowStatus.Created;
    }

    /// <summary>The household as this run last left it, else as registered.</summary>
    private Household? Known(string no, ChunkHouseholds households) =>
        _decided.TryGetValue(no, out var decided) ? decided.State : households[no];

    /// <summary>A person is registered once in the township: not earlier in this sheet, not with another household.</summary>
    private void MustBeFree(Village village, Dictionary<string, Guid> claims, string hash, Guid? household)
    {
        if (_people.TryGetValue(hash, out var earlier)) throw new Refusal(ProblemCodes.DuplicateRow, earlier);
        if (claims.TryGetValue(IdNumberClaim.IdFor(village.Township, hash), out var holder) && holder != household) throw new Refusal(ProblemCodes.IdNumberTaken);
    }

    private static string? TryIdNumber(SheetCell? cell)
    {
        try
        {
            return RowCells.IsMasked(cell) ? null : RowCells.IdNumber(cell, "");
        }
        catch (Refusal)
        {
            return null;
        }
    }

    private static string Differences(Household household, string head, string? phone, string grid) => string.Join("、",
        new[] { (head.Length > 0 && head != household.HeadName, "户主姓名"), (phone is not null && phone != household.Phone, "手机号"), (grid.Length > 0 && grid != household.Grid, "网格") }
            .Where(d => d.Item1).Select(d => d.Item2));
}
