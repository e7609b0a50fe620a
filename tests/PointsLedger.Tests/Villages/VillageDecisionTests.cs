using PointsLedger.Auth;
using PointsLedger.Ledger;
using PointsLedger.Problems;
using PointsLedger.Townships;
using PointsLedger.Villages;

namespace PointsLedger.Tests.Villages;

public sealed class VillageDecisionTests
{
    private static AdoptRule Rule(string code) => new(code, PointColor.Green, "门前三包", 5, 20, null, null);

    [Fact]
    public void A_village_adopts_a_rule_code_once()
    {
        var village = Given.Village(Given.Rule("R1", PointColor.Red, 5));

        var adopted = VillageDecisions.AdoptRule(village, Rule("G1"), null, Guid.NewGuid(), Given.Cadre);

        Assert.Equal(("G1", false), (adopted.Code, adopted.RequiresApproval));
        Assert.Equal(ProblemCodes.RuleCodeTaken, Assert.Throws<Refusal>(() => VillageDecisions.AdoptRule(village, Rule("R1"), null, Guid.NewGuid(), Given.Cadre)).Problem);
    }

    [Fact]
    public void Staff_of_another_village_do_not_adopt_its_rules()
    {
        var village = Given.Village();
        var stranger = new Actor("cadre-9", Roles.Cadre, Guid.NewGuid());

        Assert.Equal(ProblemCodes.OutOfScope, Assert.Throws<Refusal>(() => VillageDecisions.AdoptRule(village, Rule("G1"), null, Guid.NewGuid(), stranger)).Problem);
    }

    private static readonly Township Catalogue = Township.Create(new RuleTemplateDefined(
        "刁镇街道", "T-ECO", PointColor.Green, "庭院整洁", 2, 10, new RuleCap(30, CapPeriod.Quarter), false, true, "admin-1"));

    [Fact]
    public void A_template_is_adopted_with_its_colour_title_and_cap_and_the_villages_own_points_within_its_bounds()
    {
        var fromTemplate = new AdoptRule(null, null, null, 6, null, null, null, Template: "T-ECO");

        var adopted = VillageDecisions.AdoptRule(Given.Village(), fromTemplate, Catalogue, Guid.NewGuid(), Given.Cadre);

        Assert.Equal(("T-ECO", PointColor.Green, "庭院整洁", 6, "T-ECO", true), (adopted.Code, adopted.Color, adopted.Title, adopted.Points, adopted.Template, adopted.RequiresEvidence));
        Assert.Equal(new RuleCap(30, CapPeriod.Quarter), adopted.Cap);
        var outside = Assert.Throws<Refusal>(() => VillageDecisions.AdoptRule(Given.Village(), fromTemplate with { Points = 12 }, Catalogue, Guid.NewGuid(), Given.Cadre));
        Assert.Equal(ProblemCodes.PointsOutsideTemplate, outside.Problem);
        var unknown = Assert.Throws<Refusal>(() => VillageDecisions.AdoptRule(Given.Village(), fromTemplate with { Template = "T-NONE" }, Catalogue, Guid.NewGuid(), Given.Cadre));
        Assert.Equal(ProblemCodes.UnknownTemplate, unknown.Problem);
    }

    [Fact]
    public void A_village_may_be_stricter_than_the_template_but_not_looser()
    {
        var strict = Township.Create(new RuleTemplateDefined("刁镇街道", "T-GOV", PointColor.Purple, "调解纠纷", 2, 10, new RuleCap(10, CapPeriod.Month), true, false, "admin-1"));
        var adoption = new AdoptRule(null, null, null, 5, null, false, true, Template: "T-GOV");

        var adopted = VillageDecisions.AdoptRule(Given.Village(), adoption, strict, Guid.NewGuid(), Given.Cadre);
        var ownCap = Assert.Throws<Refusal>(() => VillageDecisions.AdoptRule(Given.Village(), adoption with { MonthlyCap = 50 }, strict, Guid.NewGuid(), Given.Cadre));

        Assert.Equal((true, true), (adopted.RequiresApproval, adopted.RequiresEvidence));
        Assert.Equal(ProblemCodes.TemplateSetsCap, ownCap.Problem);
    }

    [Fact]
    public void A_corrected_value_is_a_new_code_that_retires_the_rule_it_replaces()
    {
        var village = Given.Village(Given.Rule("G1", PointColor.Green, 5));

        var corrected = village.Apply(VillageDecisions.AdoptRule(village, Rule("G1-2026") with { Replaces = "G1" }, null, Guid.NewGuid(), Given.Cadre));

        Assert.Equal(("G1-2026", true), (corrected.Rules["G1"].ReplacedBy, corrected.Rules["G1"].IsRetired));
        Assert.Equal(("G1", false), (corrected.Rules["G1-2026"].Replaces, corrected.Rules["G1-2026"].IsRetired));
        Assert.Equal(ProblemCodes.UnknownRule, Assert.Throws<Refusal>(() =>
            VillageDecisions.AdoptRule(village, Rule("G2") with { Replaces = "G9" }, null, Guid.NewGuid(), Given.Cadre)).Problem);
        Assert.Equal(ProblemCodes.RuleAlreadyReplaced, Assert.Throws<Refusal>(() =>
            VillageDecisions.AdoptRule(corrected, Rule("G1-2027") with { Replaces = "G1" }, null, Guid.NewGuid(), Given.Cadre)).Problem);
    }

    [Fact]
    public void Retiring_a_rule_twice_decides_nothing_the_second_time()
    {
        var village = Given.Village(Given.Rule("G1", PointColor.Green, 5));

        var retired = village.Apply(VillageDecisions.RetireRule(village, "G1", "细则修订", Given.Cadre)!);

        Assert.True(retired.Rules["G1"].IsRetired);
        Assert.Null(VillageDecisions.RetireRule(retired, "G1", "再次停用", Given.Cadre));
        Assert.Equal(ProblemCodes.UnknownRule, Assert.Throws<Refusal>(() => VillageDecisions.RetireRule(village, "G9", "无此细则", Given.Cadre)).Problem);
    }

    [Fact]
    public void A_grid_code_is_used_once_and_its_worker_is_staff_of_the_village()
    {
        var village = Given.Village().Apply(new GridAdded("G01", "第一网格", null, "cadre-1"));

        Assert.Equal(ProblemCodes.GridCodeTaken, Assert.Throws<Refusal>(() => VillageDecisions.AddGrid(village, "G01", "重复", null, false, Given.Cadre)).Problem);
        Assert.Equal(ProblemCodes.WorkerNotInVillage, Assert.Throws<Refusal>(() => VillageDecisions.AddGrid(village, "G02", "第二网格", Guid.NewGuid(), false, Given.Cadre)).Problem);
        Assert.Equal("G02", VillageDecisions.AddGrid(village, "G02", "第二网格", Guid.NewGuid(), true, Given.Cadre).Code);
    }
}
