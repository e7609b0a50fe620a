using System.Text.Json.Serialization;
using FluentValidation;
using JasperFx.Events;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Ledger;
using PointsLedger.Townships;
using Wolverine.Http;

namespace PointsLedger.Villages;

/// <summary>
/// Adds a rule to the village's catalogue (积分细则); negative points are a deduction. With
/// <see cref="Template"/> it adopts the township's template, whose colour and title it keeps (so both are
/// left out) and whose code it takes unless it gives its own. <see cref="Replaces"/> names the rule it
/// corrects, which is retired by the same event.
/// </summary>
/// <param name="MonthlyCap">Shorthand for <c>cap</c> per month.</param>
/// <param name="AppliesTo">Whose accounts it awards: <c>household</c> (the default), <c>individual</c> or <c>both</c>.</param>
/// <param name="Unit">Awards by the unit (<c>hour</c>) at <see cref="PointsPerUnit"/> each, instead of <see cref="Points"/>.</param>
public sealed record AdoptRule(
    string? Code, PointColor? Color, string? Title, int Points, int? MonthlyCap, bool? RequiresApproval, bool? RequiresEvidence,
    RuleCap? Cap = null, string? Template = null, string? Replaces = null, RuleAppliesTo? AppliesTo = null, AwardUnit? Unit = null, int? PointsPerUnit = null)
{
    /// <summary>What one award, or one unit of it, is worth.</summary>
    [JsonIgnore]
    public int PointsEach => Unit is null ? Points : PointsPerUnit ?? 0;

    public sealed class Validator : AbstractValidator<AdoptRule>
    {
        private const string CodePattern = "^[A-Za-z0-9_.-]+$";

        public Validator()
        {
            RuleFor(x => x.Code).NotEmpty().When(x => x.Template is null);
            RuleFor(x => x.Code).MaximumLength(32).Matches(CodePattern);
            RuleFor(x => x.Color).NotNull().IsInEnum().When(x => x.Template is null);
            RuleFor(x => x.Title).NotEmpty().MaximumLength(100).When(x => x.Template is null);
            RuleFor(x => x.Color).Null().When(x => x.Template is not null).WithMessage("采用模板时颜色由模板决定", "A template sets the colour");
            RuleFor(x => x.Title).Null().When(x => x.Template is not null).WithMessage("采用模板时名称由模板决定", "A template sets the title");
            RuleFor(x => x.Template).MaximumLength(32).Matches(CodePattern);
            RuleFor(x => x.Replaces).MaximumLength(32).Matches(CodePattern);
            RuleFor(x => x.Points).NotEqual(0).InclusiveBetween(-1000, 1000).When(x => x.Unit is null);
            RuleFor(x => x.Points).Equal(0).When(x => x.Unit is not null).WithMessage("按时长计分的细则用 pointsPerUnit，不填 points", "A rule per unit takes pointsPerUnit, not points");
            RuleFor(x => x.Unit).IsInEnum();
            RuleFor(x => x.AppliesTo).IsInEnum();
            RuleFor(x => x.PointsPerUnit).NotNull().InclusiveBetween(1, 100).When(x => x.Unit is not null);
            RuleFor(x => x.PointsPerUnit).Null().When(x => x.Unit is null).WithMessage("pointsPerUnit 须与 unit 同时填写", "pointsPerUnit goes with unit");
            RuleFor(x => x.MonthlyCap).Null().When(x => x.Points < 0).WithMessage("扣分细则不设每月上限", "A deduction has no monthly cap");
            RuleFor(x => x.MonthlyCap).GreaterThanOrEqualTo(x => x.PointsEach).When(x => x.PointsEach > 0 && x.MonthlyCap is not null);
            RuleFor(x => x.Cap).Null().When(x => x.MonthlyCap is not null).WithMessage("cap 与 monthlyCap 只填其一", "Give cap or monthlyCap, not both");
            RuleFor(x => x.Cap).Null().When(x => x.Points < 0).WithMessage("扣分细则不设上限", "A deduction has no cap");
            RuleFor(x => x.Cap!).SetValidator(new RuleCapValidator()).When(x => x.Cap is not null);
            RuleFor(x => x.Cap!.Points).GreaterThanOrEqualTo(x => x.PointsEach).When(x => x.Cap is not null && x.PointsEach > 0);
        }
    }
}

public sealed record RuleAnswer(Guid RuleId, Guid VillageId, string Code) : CreationResponse($"/api/villages/{VillageId}");

public static class AdoptRuleEndpoint
{
    /// <summary>采用积分细则: the village's own, or a township template with the village's points within its bounds.</summary>
    [WolverinePost("/api/villages/{villageId}/rules"), Tags("Villages")]
    public static async Task<RuleAnswer> Post(
        Guid villageId, AdoptRule command, Actor actor, [WriteStream] IEventStream<Village> stream, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre, Roles.Approver).MustActIn(villageId);
        var village = stream.Found();
        var templates = command.Template is null ? null : await session.LoadAsync<Township>(Township.IdFor(village.Township), ct);
        var adopted = VillageDecisions.AdoptRule(village, command, templates, Guid.CreateVersion7(), actor);
        stream.AppendOne(adopted);
        return new RuleAnswer(adopted.RuleId, villageId, adopted.Code);
    }
}
