using System.Globalization;
using System.Text.Json.Serialization;
using FluentValidation;
using Marten;
using Microsoft.Extensions.Options;
using PointsLedger.Auth;
using PointsLedger.Expiry;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Awards;

/// <param name="Points">The score, from one up to the rule's points (a deduction's: down to them).</param>
public sealed record AssessmentScore(Guid AccountId, string RuleCode, int Points, string? Note);

/// <summary>每季度考核赋分: the village committee scores its grid workers (and other individuals) for a quarter that has ended.</summary>
/// <param name="Period">The quarter, <c>2026-Q4</c>.</param>
public sealed record AssessQuarter(string Period, AssessmentScore[] Scores)
{
    public const int MaxScores = 500;

    /// <summary>The quarter's last day.</summary>
    [JsonIgnore]
    public DateOnly LastDay
    {
        get
        {
            var quarter = Period[^1] - '0';
            return new DateOnly(int.Parse(Period[..4], CultureInfo.InvariantCulture), quarter * 3, 1).AddMonths(1).AddDays(-1);
        }
    }

    public sealed class Validator : AbstractValidator<AssessQuarter>
    {
        public Validator()
        {
            RuleFor(x => x.Period).NotEmpty().Matches("^2[0-9]{3}-Q[1-4]$").WithMessage("季度格式应为 2026-Q4", "A quarter looks like 2026-Q4");
            RuleFor(x => x.Scores).Cascade(CascadeMode.Stop).NotEmpty()
                .Must(scores => scores.Length <= MaxScores).WithMessage($"一次最多 {MaxScores} 条", $"At most {MaxScores} scores at a time")
                .Must(scores => scores.DistinctBy(s => (s.AccountId, s.RuleCode)).Count() == scores.Length)
                .WithMessage("同一账户同一细则只评一次", "Score an account under a rule once");
            RuleForEach(x => x.Scores).ChildRules(score =>
            {
                score.RuleFor(s => s.AccountId).NotEmpty();
                score.RuleFor(s => s.RuleCode).NotEmpty().MaximumLength(32);
                score.RuleFor(s => s.Points).NotEqual(0);
                score.RuleFor(s => s.Note).MaximumLength(200);
            });
        }
    }
}

public sealed record AssessedAward(Guid AccountId, string RuleCode, Guid AwardId, string Status, int Points);

public sealed record AssessmentAnswer(Guid VillageId, string Period, AssessedAward[] Awards) : CreationResponse("/api/awards");

public static class AssessQuarterEndpoint
{
    /// <summary>
    /// 季度考核: one award per score, dated the day it is entered, all recorded or none (refused scores are
    /// listed in <c>failures</c>). Each follows its rule as any award does, approval included.
    /// </summary>
    [WolverinePost("/api/villages/{villageId}/assessments"), Tags("Awards")]
    public static async Task<AssessmentAnswer> Post(
        Guid villageId, AssessQuarter command, Actor actor, IDocumentSession session, TimeProvider clock, IOptions<ExpirySettings> expiry, CancellationToken ct)
    {
        actor.MustBe(Roles.Cadre, Roles.Approver, Roles.Admin).MustActIn(villageId);
        var today = clock.Today();
        if (command.LastDay >= today) throw new Refusal(ProblemCodes.PeriodNotEnded, command.Period);

        // Locks are taken in id order, so two overlapping sheets cannot deadlock each other.
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        var fetches = command.Scores.Select(s => s.AccountId).Distinct().Order()
            .ToDictionary(id => id, id => batch.Events.FetchForExclusiveWriting<Household>(id));
        var held = batch.HoldOpenAndLoad(villageId);
        await batch.Execute(ct);
        var village = await held ?? throw new Refusal(ProblemCodes.VillageNotFound, villageId);
        actor.MustActIn(village);
        var policy = expiry.Value.For(village.Township);

        var awards = new List<AssessedAward>(command.Scores.Length);
        var failures = new List<BatchFailure>();
        foreach (var score in command.Scores.OrderBy(s => s.AccountId))
        {
            var stream = await fetches[score.AccountId];
            try
            {
                var account = stream.Aggregate is { } found && found.VillageId == village.Id && found.Kind.IsIndividual()
                    ? found
                    : throw new Refusal(ProblemCodes.AccountNotIndividual, score.AccountId);
                await session.MustNotBeOwnAccountAsync(account, actor, ct);
                var current = AwardDecisions.After(account, stream.Events.Select(e => e.Data));
                var decided = AwardDecisions.Grant(current, village, village.RuleFor(score.RuleCode), Guid.CreateVersion7(), today, score.Note, actor, today, policy,
                    details: new AwardDetails(Period: command.Period), score: score.Points);
                stream.AppendOne(AwardStreams.AsRecordedEvent(decided));
                awards.Add(new AssessedAward(score.AccountId, score.RuleCode, decided.AwardId, AwardAnswer.From(account.Id, decided).Status, decided.Points));
            }
            catch (Refusal refusal)
            {
                failures.Add(new BatchFailure(score.AccountId, refusal.Code, refusal.Problem.Detail(refusal.Args, CultureInfo.CurrentUICulture)));
            }
        }

        if (failures.Count > 0) throw new Refusal(ProblemCodes.BatchRefused, failures.Count) { Extensions = { ["failures"] = failures } };
        return new AssessmentAnswer(villageId, command.Period, [.. awards]);
    }
}
