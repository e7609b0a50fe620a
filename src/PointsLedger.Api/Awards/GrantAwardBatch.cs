using System.Globalization;
using FluentValidation;
using Marten;
using Microsoft.Extensions.Options;
using PointsLedger.Auth;
using PointsLedger.Expiry;
using PointsLedger.Http;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Awards;

/// <summary>
/// One rule for a whole list of households, e.g. after an inspection: all are recorded or none. The
/// households are named by id, or by <see cref="Grid"/>: every household of the grid that has not moved out.
/// </summary>
public sealed record GrantAwardBatch(Guid VillageId, string RuleCode, Guid[]? HouseholdIds, DateOnly OccurredOn, string? Note, string? Grid = null)
{
    public const int MaxHouseholds = 2000;

    public sealed class Validator : AbstractValidator<GrantAwardBatch>
    {
        public Validator()
        {
            RuleFor(x => x.VillageId).NotEmpty();
            RuleFor(x => x.RuleCode).NotEmpty().MaximumLength(32);
            RuleFor(x => x.OccurredOn).NotEmpty();
            RuleFor(x => x.Note).MaximumLength(200);
            RuleFor(x => x.HouseholdIds).Cascade(CascadeMode.Stop).NotEmpty().When(x => x.Grid is null)
                .WithMessage("请列出各户（householdIds）或给出网格（grid）", "List the households (householdIds) or name a grid");
            RuleFor(x => x.HouseholdIds).Null().When(x => x.Grid is not null)
                .WithMessage("householdIds 与 grid 只填其一", "Give householdIds or grid, not both");
            RuleFor(x => x.HouseholdIds!).Cascade(CascadeMode.Stop).Must(ids => ids.Length <= MaxHouseholds)
                .WithMessage($"一次最多 {MaxHouseholds} 户", $"At most {MaxHouseholds} households at a time")
                .Must(ids => ids.Distinct().Count() == ids.Length).WithMessage("户不能重复", "Households must not repeat")
                .When(x => x.HouseholdIds is not null);
            RuleFor(x => x.Grid).MaximumLength(32);
        }
    }
}

public sealed record BatchAward(Guid HouseholdId, Guid AwardId, string Status);

public sealed record BatchAnswer(BatchAward[] Awards) : CreationResponse("/api/awards");

public sealed record BatchFailure(Guid HouseholdId, string Code, string Detail);

public static class GrantAwardBatchEndpoint
{
    /// <summary>批量加分：整批成功或整批不记；被拒的户列在 failures 中。</summary>
    [WolverinePost("/api/awards/batch"), Tags("Awards")]
    public static async Task<BatchAnswer> Post(
        GrantAwardBatch command, Actor actor, IDocumentSession session, TimeProvider clock, IOptions<ExpirySettings> expiry, CancellationToken ct)
    {
        actor.MustBe(Roles.Cadre, Roles.Approver, Roles.Admin).MustActIn(command.VillageId);
        var village = await session.LoadVillageAsync(command.VillageId, ct);
        actor.MustActIn(village);
        var rule = village.RuleFor(command.RuleCode);
        var householdIds = command.HouseholdIds ?? await GridHouseholdsAsync(session, village, command.Grid!, ct);
        var today = clock.Today();
        var policy = expiry.Value.For(village.Township);

        // Locks are taken in id order, so two overlapping batches cannot deadlock each other.
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        var fetches = householdIds.Order().Select(id => (Id: id, Stream: batch.Events.FetchForExclusiveWriting<Households.Household>(id))).ToList();
        var reloaded = batch.HoldOpenAndLoad(village.Id);
        await batch.Execute(ct);
        village = (await reloaded)!;

        var awards = new List<BatchAward>(fetches.Count);
        var failures = new List<BatchFailure>();
        foreach (var (id, fetch) in fetches)
        {
            var stream = await fetch;
            try
            {
                var household = AwardDecisions.InBatch(stream.Aggregate, id, village);
                await session.MustNotBeOwnAccountAsync(household, actor, ct);
                var decided = AwardDecisions.Grant(household, village, rule, Guid.CreateVersion7(), command.OccurredOn, command.Note, actor, today, policy);
                stream.AppendOne(AwardStreams.AsRecordedEvent(decided));
                var recorded = AwardAnswer.From(id, decided);
                awards.Add(new BatchAward(id, recorded.AwardId, recorded.Status));
            }
            catch (Refusal refusal)
            {
                failures.Add(new BatchFailure(id, refusal.Code, refusal.Problem.Detail(refusal.Args, CultureInfo.CurrentUICulture)));
            }
        }

        if (failures.Count > 0)
        {
            throw new Refusal(ProblemCodes.BatchRefused, failures.Count) { Extensions = { ["failures"] = failures } };
        }
        return new BatchAnswer([.. awards]);
    }

    private static async Task<Guid[]> GridHouseholdsAsync(IQuerySession session, Villages.Village village, string grid, CancellationToken ct)
    {
        if (!village.Grids.ContainsKey(grid)) throw new Refusal(ProblemCodes.UnknownGrid, grid);
        var ids = await session.Query<Households.Household>()
            .Where(h => h.VillageId == village.Id && h.Grid == grid && h.MovedOutOn == null).Select(h => h.Id).ToListAsync(ct);
        if (ids.Count > GrantAwardBatch.MaxHouseholds) throw new Refusal(ProblemCodes.GridTooLarge, grid, ids.Count, GrantAwardBatch.MaxHouseholds);
        return ids.Count > 0 ? [.. ids] : throw new Refusal(ProblemCodes.GridEmpty, grid);
    }
}
