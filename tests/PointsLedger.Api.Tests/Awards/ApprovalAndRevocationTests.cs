using System.Net;

namespace PointsLedger.Api.Tests.Awards;

[Collection(LedgerCollection.Name)]
public sealed class ApprovalAndRevocationTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    [Fact]
    public async Task An_award_whose_rule_needs_approval_waits_and_moves_nothing()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "orange", 20, requiresApproval: true);
        var household = await _api.NewHousehold(village);

        var award = (await _api.Award(village, household, rule)).ShouldBe(HttpStatusCode.Created).Json;

        Assert.Equal("pending", (string?)award["status"]);
        Assert.Equal(0, (int)(await _api.Balance(household))["earned"]!["total"]!);
    }

    [Fact]
    public async Task The_submitter_cannot_approve_but_another_approver_can()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "orange", 20, requiresApproval: true);
        var household = await _api.NewHousehold(village);
        var awardId = (await _api.Award(village, household, rule, token: village.Approver)).Guid("awardId");

        (await _api.Post($"/api/awards/{awardId}/approve", new { }, village.Approver)).ShouldBeProblem(HttpStatusCode.Forbidden, "self-approval");
        Assert.Equal(0, (int)(await _api.Balance(household))["available"]!["total"]!);

        var approved = (await _api.Post($"/api/awards/{awardId}/approve", new { }, village.SecondApprover)).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal("credited", (string?)approved["status"]);
        Assert.Equal("credited", (string?)(await _api.Get($"/api/awards/{awardId}", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json["status"]);
        Assert.Equal(20, (int)(await _api.Balance(household))["available"]!["orange"]!);

        (await _api.Post($"/api/awards/{awardId}/approve", new { }, village.SecondApprover)).ShouldBeProblem(HttpStatusCode.Conflict, "award-not-pending");
        Assert.Equal(20, (int)(await _api.Balance(household))["earned"]!["total"]!);
    }

    [Fact]
    public async Task Cadres_cannot_approve_and_unknown_awards_are_not_found()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "orange", 20, requiresApproval: true);
        var household = await _api.NewHousehold(village);
        var awardId = (await _api.Award(village, household, rule)).Guid("awardId");

        (await _api.Post($"/api/awards/{awardId}/approve", new { }, village.Cadre)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await _api.Post($"/api/awards/{Guid.NewGuid()}/approve", new { }, village.Approver)).ShouldBeProblem(HttpStatusCode.NotFound, "award-not-found");
        (await _api.Post($"/api/awards/{awardId}/approve", new { }, (await _api.NewVillage()).Approver)).ShouldBeProblem(HttpStatusCode.NotFound, "award-not-found");
    }

    [Fact]
    public async Task Revoking_a_credited_award_takes_its_points_back_and_keeps_the_original_in_the_ledger()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "blue", 8);
        var household = await _api.NewHousehold(village);
        var awardId = (await _api.Award(village, household, rule)).Guid("awardId");

        var revoked = (await _api.Post($"/api/awards/{awardId}/revoke", new { reason = "登记错户" }, village.Approver, "revoke-1"))
            .ShouldBe(HttpStatusCode.OK).Json;

        Assert.Equal("revoked", (string?)revoked["status"]);
        var balance = await _api.Balance(household);
        Assert.Equal(0, (int)balance["available"]!["blue"]!);
        Assert.Equal(0, (int)balance["earned"]!["blue"]!);
        var ledger = await _api.Ledger(household);
        Assert.Equal(["revoked", "award"], ledger.Select(e => (string?)e!["kind"]));
        Assert.Equal("登记错户", (string?)ledger[0]!["note"]);
        Assert.Equal(-8, (int)ledger[0]!["earned"]!);

        Assert.True((await _api.Post($"/api/awards/{awardId}/revoke", new { reason = "登记错户" }, village.Approver, "revoke-1")).Replayed);
        (await _api.Post($"/api/awards/{awardId}/revoke", new { reason = "再撤一次" }, village.Approver)).ShouldBeProblem(HttpStatusCode.Conflict, "award-already-revoked");
        Assert.Equal(2, (await _api.Ledger(household)).Count);
    }

    [Fact]
    public async Task Revoking_a_deduction_gives_the_points_back()
    {
        var village = await _api.NewVillage();
        var award = await _api.NewRule(village, "green", 10);
        var deduction = await _api.NewRule(village, "green", -4);
        var household = await _api.NewHousehold(village);
        (await _api.Award(village, household, award)).ShouldBe(HttpStatusCode.Created);
        var deductionId = (await _api.Award(village, household, deduction)).Guid("awardId");

        (await _api.Post($"/api/awards/{deductionId}/revoke", new { reason = "核实后不应扣分" }, village.Approver)).ShouldBe(HttpStatusCode.OK);

        var balance = await _api.Balance(household);
        Assert.Equal(10, (int)balance["available"]!["green"]!);
        Assert.Equal(10, (int)balance["earned"]!["green"]!);
    }

    [Fact]
    public async Task A_revocation_needs_a_reason()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "blue", 8);
        var household = await _api.NewHousehold(village);
        var awardId = (await _api.Award(village, household, rule)).Guid("awardId");

        (await _api.Post($"/api/awards/{awardId}/revoke", new { reason = "" }, village.Approver)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(8, (int)(await _api.Balance(household))["available"]!["total"]!);
    }
}
