using FluentValidation;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Ledger;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Townships;

/// <summary>A template of the township's catalogue; negative bounds make it a deduction.</summary>
public sealed record DefineRuleTemplate(
    string Code, PointColor? Color, string Title, int MinPoints, int MaxPoints, RuleCap? Cap, bool? RequiresApproval, bool? RequiresEvidence)
{
    public sealed class Validator : AbstractValidator<DefineRuleTemplate>
    {
        public Validator()
        {
            RuleFor(x => x.Code).NotEmpty().MaximumLength(32).Matches("^[A-Za-z0-9_.-]+$");
            RuleFor(x => x.Color).NotNull().IsInEnum();
            RuleFor(x => x.Title).NotEmpty().MaximumLength(100);
            RuleFor(x => x.MinPoints).NotEqual(0).InclusiveBetween(-1000, 1000);
            RuleFor(x => x.MaxPoints).NotEqual(0).InclusiveBetween(-1000, 1000).GreaterThanOrEqualTo(x => x.MinPoints);
            RuleFor(x => x.MaxPoints).Must((x, max) => Math.Sign(max) == Math.Sign(x.MinPoints))
                .WithMessage("上下限须同为加分或同为扣分", "Both bounds are awards, or both deductions");
            RuleFor(x => x.Cap).Null().When(x => x.MinPoints < 0).WithMessage("扣分细则不设上限", "A deduction has no cap");
            RuleFor(x => x.Cap!).SetValidator(new RuleCapValidator()).When(x => x.Cap is not null);
            RuleFor(x => x.Cap!.Points).GreaterThanOrEqualTo(x => x.MaxPoints).When(x => x.Cap is not null && x.MinPoints > 0);
        }
    }
}

public sealed record RuleTemplateAnswer(string Township, string Code) : CreationResponse($"/api/townships/{Uri.EscapeDataString(Township)}/rule-templates");

public static class RuleTemplateEndpoints
{
    /// <summary>制定积分细则模板 for the township's villages to adopt (<c>POST /api/villages/{villageId}/rules</c> with <c>template</c>).</summary>
    [WolverinePost("/api/townships/{township}/rule-templates"), Tags("Townships")]
    public static async Task<RuleTemplateAnswer> Post(string township, DefineRuleTemplate command, Actor actor, IDocumentSession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin).MustActInTownship(township);
        var stream = await session.Events.FetchForExclusiveWriting<Township>(Township.IdFor(township), ct);
        if (stream.Aggregate?.Templates.ContainsKey(command.Code) == true) throw new Refusal(ProblemCodes.TemplateCodeTaken, command.Code);
        stream.AppendOne(new RuleTemplateDefined(township, command.Code, command.Color!.Value, command.Title, command.MinPoints, command.MaxPoints,
            command.Cap, command.RequiresApproval ?? false, command.RequiresEvidence ?? false, actor.Id));
        return new RuleTemplateAnswer(township, command.Code);
    }

    /// <summary>The township's rule templates.</summary>
    [WolverineGet("/api/townships/{township}/rule-templates"), Tags("Townships")]
    public static async Task<IReadOnlyList<RuleTemplate>> Get(string township, Actor actor, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Auditor).MustActInTownship(township);
        var catalogue = await session.LoadAsync<Township>(Township.IdFor(township), ct);
        return catalogue?.Templates.Values.OrderBy(t => t.Code, StringComparer.Ordinal).ToList() ?? [];
    }
}
