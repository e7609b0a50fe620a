using Marten;
using Marten.Events;
using PointsLedger.Awards;
using PointsLedger.Expiry;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Problems;
using PointsLedger.Villages;
using static PointsLedger.Imports.ImportColumns;

namespace PointsLedger.Imports;

/// <summary>An award entered from a sheet, by the row's key (its paper reference in the village, else the file and row), with what it said.</summary>
public sealed record ImportedAward(string Id, Guid AwardId, string HouseholdNo, string RuleCode, DateOnly OccurredOn);

/// <summary>
/// A paper ledger's rows, each decided as <c>POST /api/awards</c> decides it (caps, closed months, dates,
/// the favour-points guard). A row already entered (same paper page and line, or the same file's same
/// row) is unchanged; one that looks like an award already recorded (same household, rule and day) is a
/// warning until the import is confirmed.
/// </summary>
public sealed class AwardRows(Import import, DateOnly today, ExpiryPolicy expiry) : IImportRows
{
    private readonly Dictionary<string, int> _keys = [];
    private readonly Dictionary<string, int> _contents = [];
    private readonly HashSet<(string HouseholdNo, string Rule, DateOnly On)> _recorded = [];
    private readonly Dictionary<Guid, Household> _dryRunState = [];

    /// <summary>The awards the village's households already have, so a row that repeats one is noticed: their award events, read alone.</summary>
    public async Task PrepareAsync(IQuerySession session, CancellationToken ct)
    {
        var numbers = (await session.Query<Household>().Where(h => h.VillageId == import.VillageId).ToListAsync(ct)).ToDictionary(h => h.Id, h => h.HouseholdNo);
        var ids = numbers.Keys.ToArray();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(ids) && e.EventTypesAre(typeof(PointsAwarded), typeof(AwardSubmitted), typeof(AwardRevoked)))
            .ToListAsync(ct);
        var revoked = events.Select(e => e.Data).OfType<AwardRevoked>().Select(r => r.AwardId).ToHashSet();
        foreach (var e in events)
        {
            var recorded = e.Data switch
            {
                PointsAwarded a when !revoked.Contains(a.AwardId) => (a.RuleCode, a.OccurredOn),
                AwardSubmitted s when !revoked.Contains(s.AwardId) => (s.RuleCode, s.OccurredOn),
                _ => default((string RuleCode, DateOnly OccurredOn)?),
            };
            if (recorded is var (rule, on)) _recorded.Add((numbers[e.StreamId], rule, on));
        }
    }

    public async Task<IReadOnlyList<RowResult>> ApplyAsync(IDocumentSession session, IReadOnlyList<SheetRow> rows, HeaderRow header, CancellationToken ct)
    {
        var commit = !import.DryRun;
        if (commit) await session.BeginTransactionAsync(ct);
        // Households first, then the village held open: the order every award takes its locks in.
        var households = await ChunkHouseholds.FetchAsync(session, import.VillageId, rows.Select(row => header.Text(row, HouseholdNo)), commit, ct);
        var village = commit ? await session.HoldOpenAndLoadAsync(import.VillageId, ct) : await session.LoadVillageAsync(import.VillageId, ct);
        var keys = rows.Select(row => KeyOf(row, header)).ToArray();
        var entered = (await session.LoadManyAsync<ImportedAward>(ct, keys)).ToDictionary(a => a.Id);
        var state = households.All.ToDictionary(h => h.Id, h => _dryRunState.GetValueOrDefault(h.Id) ?? h);

        var results = new List<RowResult>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, key) = (rows[i], keys[i]);
            var no = header.Text(row, HouseholdNo);
            try
            {
                RowCells.Required(no, "户号");
                var household = households[no] ?? throw new Refusal(ProblemCodes.HouseholdNumberUnknown, no);
                var rule = village.RuleFor(RowCells.Required(header.Text(row, RuleCode), "细则编码"));
                var dateCell = header.Cell(row, Date);
                var on = CellText.Date(dateCell) ?? throw (CellText.Clean(dateCell?.Text).Length == 0
                    ? new Refusal(ProblemCodes.FieldMissing, "日期") : new Refusal(ProblemCodes.DateInvalid, CellText.Clean(dateCell?.Text)));
                var note = RowCells.Limited(header.Text(row, Note), "备注", 200);
                var paper = RowCells.Limited(header.Text(row, PaperRef), "纸质台账页行", 32);
                var content = $"{no}\n{rule.Code}\n{on:yyyy-MM-dd}\n{note}\n{paper}";
                if (_keys.TryGetValue(key, out var earlier) || _contents.TryGetValue(content, out earlier)) throw new Refusal(ProblemCodes.DuplicateRow, earlier);
                _keys[key] = row.Number;
                _contents[content] = row.Number;
                if (entered.TryGetValue(key, out var before))
                {
                    if ((before.HouseholdNo, before.RuleCode, before.OccurredOn) != (no, rule.Code, on))
                    {
                        throw new Refusal(ProblemCodes.PaperRefTaken, paper, before.HouseholdNo, before.RuleCode, before.OccurredOn.ToString("yyyy-MM-dd"));
                    }
                    results.Add(new RowResult(row.Number, RowStatus.Unchanged, null, [], no));
                    continue;
                }
                if (!import.ConfirmDuplicates && _recorded.Contains((no, rule.Code, on)))
                {
                    throw new Refusal(ProblemCodes.LooksLikeDuplicate, rule.Code, on.ToString("yyyy-MM-dd"));
                }

                var decided = AwardDecisions.Grant(state[household.Id], village, rule, Guid.CreateVersion7(), on, note.Length > 0 ? note : null,
                    import.Uploader, today, expiry, paper.Length > 0 ? paper : null);
                state[household.Id] = Apply(state[household.Id], decided);
                if (commit)
                {
                    households.Append(no, AwardStreams.AsRecordedEvent(decided));
                    session.Insert(new ImportedAward(key, decided.AwardId, no, rule.Code, on));
                }
                else
                {
                    _dryRunState[household.Id] = state[household.Id];
                }
                results.Add(new RowResult(row.Number, RowStatus.Created, null, [], no));
            }
            catch (Refusal refusal)
            {
                results.Add(RowResult.Of(row.Number, refusal, no));
            }
        }
        return results;
    }

    private string KeyOf(SheetRow row, HeaderRow header) => header.Text(row, PaperRef) is { Length: > 0 } paper
        ? $"{import.VillageId:N}/paper/{paper}"
        : $"{import.VillageId:N}/row/{import.Sha256}/{row.Number}";

    private static Household Apply(Household household, IRecordsAward decided) => decided switch
    {
        PointsAwarded awarded => household.Apply(awarded),
        AwardSubmitted submitted => household.Apply(submitted),
        _ => household,
    };
}
