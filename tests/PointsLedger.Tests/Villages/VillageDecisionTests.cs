using PointsLedger.Auth;
using PointsLedger.Ledger;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Tests.Villages;

public sealed class VillageDecisionTests
{
    private static AdoptRule Rule(string code) => new(code, PointColor.Green, "门前三包", 5, 20, null, null);

    [Fact]
    public void A_village_adopts_a_rule_code_once()
    {
        var village = Given.Village(Given.Rule("R1", PointColor.Red, 5));

        var adopted = VillageDecisions.AdoptRule(village, Rule("G1"), Guid.NewGuid(), Given.Cadre);

        Assert.Equal(("G1", false), (adopted.Code, adopted.RequiresApproval));
        Assert.Equal(ProblemCodes.RuleCodeTaken, Assert.Throws<Refusal>(() => VillageDecisions.AdoptRule(village, Rule("R1"), Guid.NewGuid(), Given.Cadre)).Problem);
    }

    [Fact]
    public void Staff_of_another_village_do_not_adopt_its_rules()
    {
        var village = Given.Village();
        var stranger = new Actor("cadre-9", Roles.Cadre, Guid.NewGuid());

        Assert.Equal(ProblemCodes.OutOfScope, Assert.Throws<Refusal>(() => VillageDecisions.AdoptRule(village, Rule("G1"), Guid.NewGuid(), stranger)).Problem);
    }
}
