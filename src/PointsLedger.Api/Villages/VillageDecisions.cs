using PointsLedger.Auth;
using PointsLedger.Problems;

namespace PointsLedger.Villages;

public static class VillageDecisions
{
    /// <summary>A rule's code names it on paper ledgers and notices, so a village adopts a code once.</summary>
    public static RuleAdopted AdoptRule(Village village, AdoptRule command, Guid ruleId, Actor actor)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre, Roles.Approver).MustActIn(village);
        if (village.Rules.ContainsKey(command.Code)) throw new Refusal(ProblemCodes.RuleCodeTaken, command.Code);
        return new RuleAdopted(ruleId, command.Code, command.Color!.Value, command.Title, command.Points, command.MonthlyCap,
            command.RequiresApproval ?? false, command.RequiresEvidence ?? false, actor.Id);
    }

    /// <summary>The village of a stream <c>[WriteStream]</c> locked.</summary>
    public static Village Found(this JasperFx.Events.IEventStream<Village> stream) =>
        stream.Aggregate ?? throw new Refusal(ProblemCodes.VillageNotFound, stream.Id);
}
