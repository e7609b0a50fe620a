using FluentValidation;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Ledger;
using PointsLedger.Problems;
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

public sealed record RuleCreated(Guid RuleId, Guid VillageId) : CreationResponse($"/api/villages/{VillageId}");

public static class AdoptRuleEndpoint
{
    /// <summary>采用积分细则: a code, a colour, points (negative for a deduction), and an optional monthly cap and approval.</summary>
    [WolverinePost("/api/villages/{villageId}/rules"), Tags("Villages")]
    public static async Task<RuleCreated> Post(Guid villageId, AdoptRule command, Actor actor, IDocumentSession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre, Roles.Approver).MustActIn(villageId);
        var stream = await session.Events.FetchForExclusiveWriting<Village>(villageId, ct);
        var village = stream.Aggregate ?? throw new Refusal(ProblemCodes.VillageNotFound, villageId);
        actor.MustActIn(village);
        if (village.Rules.ContainsKey(command.Code)) throw new Refusal(ProblemCodes.RuleCodeTaken, command.Code);

        var ruleId = Guid.CreateVersion7();
        stream.AppendOne(new RuleAdopted(ruleId, command.Code, command.Color!.Value, command.Title, command.Points, command.MonthlyCap,
            command.RequiresApproval ?? false, command.RequiresEvidence ?? false, actor.Id));
        return new RuleCreated(ruleId, villageId);
    }
}
