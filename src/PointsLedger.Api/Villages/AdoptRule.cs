using FluentValidation;
using JasperFx.Events;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Ledger;
using Wolverine.Http;

namespace PointsLedger.Villages;

/// <summary>Adds a rule to the village's catalogue (积分细则); negative points are a deduction.</summary>
public sealed record AdoptRule(string Code, PointColor? Color, string Title, int Points, int? MonthlyCap, bool? RequiresApproval, bool? RequiresEvidence)
{
    public sealed class Validator : AbstractValidator<AdoptRule>
    {
        public Validator()
        {
            RuleFor(x => x.Code).NotEmpty().MaximumLength(32).Matches("^[A-Za-z0-9_.-]+$");
            RuleFor(x => x.Color).NotNull().IsInEnum();
            RuleFor(x => x.Title).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Points).NotEqual(0).InclusiveBetween(-1000, 1000);
            RuleFor(x => x.MonthlyCap).Null().When(x => x.Points < 0).WithMessage("扣分细则不设每月上限", "A deduction has no monthly cap");
            RuleFor(x => x.MonthlyCap).GreaterThanOrEqualTo(x => x.Points).When(x => x.Points > 0 && x.MonthlyCap is not null);
        }
    }
}

public sealed record RuleAnswer(Guid RuleId, Guid VillageId) : CreationResponse($"/api/villages/{VillageId}");

public static class AdoptRuleEndpoint
{
    /// <summary>采用积分细则: a code, a colour, points (negative for a deduction), and an optional monthly cap and approval.</summary>
    [WolverinePost("/api/villages/{villageId}/rules"), Tags("Villages")]
    public static RuleAnswer Post(Guid villageId, AdoptRule command, Actor actor, [WriteStream] IEventStream<Village> stream)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre, Roles.Approver).MustActIn(villageId);
        var adopted = VillageDecisions.AdoptRule(stream.Found(), command, Guid.CreateVersion7(), actor);
        stream.AppendOne(adopted);
        return new RuleAnswer(adopted.RuleId, villageId);
    }
}
