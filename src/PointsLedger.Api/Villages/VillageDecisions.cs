using PointsLedger.Auth;
using PointsLedger.Problems;
using PointsLedger.Townships;

namespace PointsLedger.Villages;

public static class VillageDecisions
{
    /// <summary>
    /// A rule's code names it on paper ledgers and notices, so a village adopts a code once; a corrected
    /// value is a new code that names the old one, which it retires, and whose awards count towards its cap.
    /// </summary>
    /// <param name="township">The village's township catalogue, read when the command names a template.</param>
    public static RuleAdopted AdoptRule(Village village, AdoptRule command, Township? township, Guid ruleId, Actor actor)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre, Roles.Approver).MustActIn(village);
        if (command.Replaces is { } replaced)
        {
            var old = village.RuleFor(replaced);
            if (old.ReplacedBy is { } successor) throw new Refusal(ProblemCodes.RuleAlreadyReplaced, replaced, successor);
        }
        if (command.Template is not { } templateCode)
        {
            if (village.Rules.ContainsKey(command.Code!)) throw new Refusal(ProblemCodes.RuleCodeTaken, command.Code!);
            return new RuleAdopted(ruleId, command.Code!, command.Color!.Value, command.Title!, command.PointsEach, command.MonthlyCap,
                command.RequiresApproval ?? false, command.RequiresEvidence ?? false, actor.Id, command.Cap, null, command.Replaces, command.AppliesTo, command.Unit);
        }

        var template = township?.Templates.GetValueOrDefault(templateCode) ?? throw new Refusal(ProblemCodes.UnknownTemplate, templateCode);
        var code = command.Code ?? template.Code;
        if (village.Rules.ContainsKey(code)) throw new Refusal(ProblemCodes.RuleCodeTaken, code);
        if (command.PointsEach < template.MinPoints || command.PointsEach > template.MaxPoints)
        {
            throw new Refusal(ProblemCodes.PointsOutsideTemplate, command.PointsEach, template.Title, template.MinPoints, template.MaxPoints);
        }
        if (template.Cap is not null && (command.Cap ?? (object?)command.MonthlyCap) is not null) throw new Refusal(ProblemCodes.TemplateSetsCap, template.Title);
        // A village may be stricter than its township, never looser: approval and evidence the template asks for stay.
        return new RuleAdopted(ruleId, code, template.Color, template.Title, command.PointsEach, command.MonthlyCap,
            template.RequiresApproval || command.RequiresApproval == true, template.RequiresEvidence || command.RequiresEvidence == true, actor.Id,
            command.Cap ?? template.Cap, template.Code, command.Replaces, command.AppliesTo, command.Unit);
    }

    /// <summary>No new awards under the rule; retiring a retired rule changes nothing.</summary>
    public static RuleRetired? RetireRule(Village village, string code, string reason, Actor actor)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre, Roles.Approver).MustActIn(village);
        return village.RuleFor(code).IsRetired ? null : new RuleRetired(code, reason, actor.Id);
    }

    /// <param name="workerIsOfVillage">Whether the grid worker's account (if one is named) is staff of this village.</param>
    public static GridAdded AddGrid(Village village, string code, string name, Guid? workerAccountId, bool workerIsOfVillage, Actor actor)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre, Roles.Approver).MustActIn(village);
        if (village.Grids.ContainsKey(code)) throw new Refusal(ProblemCodes.GridCodeTaken, code);
        if (workerAccountId is { } worker && !workerIsOfVillage) throw new Refusal(ProblemCodes.WorkerNotInVillage, worker);
        return new GridAdded(code, name, workerAccountId, actor.Id);
    }

    /// <summary>The village of a stream <c>[WriteStream]</c> locked.</summary>
    public static Village Found(this JasperFx.Events.IEventStream<Village> stream) =>
        stream.Aggregate ?? throw new Refusal(ProblemCodes.VillageNotFound, stream.Id);
}
