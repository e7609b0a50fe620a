using System.Net;
using PointsLedger.Api.Tests.Redemptions;
using PointsLedger.Auth;

namespace PointsLedger.Api.Tests.Claims;

[Collection(LedgerCollection.Name)]
public sealed class ClaimTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);
    private readonly HttpClient _http = app.Host.Server.CreateClient();

    [Fact]
    public async Task A_resident_claims_points_with_a_photo_a_cadre_accepts_it_into_an_award_and_declines_another_with_a_reason_the_resident_reads()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village);
        var resident = _api.Token(Roles.Resident, householdId: household, userId: $"resident-{household:N}");
        var code = $"C{Guid.NewGuid():N}"[..10];
        (await _api.Post($"/api/villages/{village.Id}/rules", new { code, color = "orange", title = "照顾孤寡老人", points = 8, requiresEvidence = true }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created);
        var plain = await _api.NewRule(village, "green", 3);
        var photo = (string)(await Photos.Upload(_http, resident, Photos.Jpeg(1200, 900), "老人.jpg")).ShouldBe(HttpStatusCode.Created).Json["evidenceId"]!;
        var other = await _api.NewVillage();

        var noPhoto = await _api.Post("/api/me/claims", new { ruleCode = code, occurredOn = _api.Today(), note = "帮李奶奶挑水" }, resident);
        var claimed = (await _api.Post("/api/me/claims", new { ruleCode = code, occurredOn = _api.Today(), note = "帮李奶奶挑水", evidenceIds = new[] { photo } }, resident))
            .ShouldBe(HttpStatusCode.Created);
        var declinedClaim = (await _api.Post("/api/me/claims", new { ruleCode = plain, occurredOn = _api.Today() }, resident)).ShouldBe(HttpStatusCode.Created).Guid("claimId");
        var queue = (await _api.Get($"/api/claims?villageId={village.Id}&status=open", village.Cadre)).ShouldBe(HttpStatusCode.OK).Json["items"]!.AsArray();
        var photoToCadre = await _api.Get($"/api/evidence/{photo}", village.Cadre);
        var photoToOutsider = await _api.Get($"/api/evidence/{photo}", other.Cadre);
        var outsiderAccepts = await _api.Post($"/api/claims/{claimed.Guid("claimId")}/accept", new { }, other.Cadre);
        var residentAccepts = await _api.Post($"/api/claims/{claimed.Guid("claimId")}/accept", new { }, resident);
        var accepted = (await _api.Post($"/api/claims/{claimed.Guid("claimId")}/accept", new { }, village.Cadre)).ShouldBe(HttpStatusCode.OK).Json;
        var acceptedTwice = await _api.Post($"/api/claims/{claimed.Guid("claimId")}/accept", new { }, village.Approver);
        (await _api.Post($"/api/claims/{declinedClaim}/decline", new { reason = "当天没有此项活动" }, village.Approver)).ShouldBe(HttpStatusCode.OK);
        var acceptDeclined = await _api.Post($"/api/claims/{declinedClaim}/accept", new { }, village.Cadre);
        var mine = (await _api.Get("/api/claims", resident)).ShouldBe(HttpStatusCode.OK).Json["items"]!.AsArray();
        var ledger = await _api.Ledger(household);

        noPhoto.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "evidence-required");
        Assert.Equal("open", (string?)claimed.Json["status"]);
        Assert.Equal([claimed.Guid("claimId"), declinedClaim], queue.Select(c => (Guid)c!["claimId"]!).ToArray());
        Assert.Equal(("照顾孤寡老人", 8, photo, "张三明"), ((string?)queue[0]!["ruleTitle"], (int)queue[0]!["points"]!, (string?)queue[0]!["evidenceIds"]![0], (string?)queue[0]!["name"]));
        photoToCadre.ShouldBe(HttpStatusCode.OK);
        photoToOutsider.ShouldBeProblem(HttpStatusCode.NotFound, "evidence-not-found");
        outsiderAccepts.ShouldBeProblem(HttpStatusCode.NotFound, "claim-not-found");
        residentAccepts.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(("accepted", "credited"), ((string?)accepted["status"], (string?)accepted["awardStatus"]));
        acceptedTwice.ShouldBeProblem(HttpStatusCode.Conflict, "claim-not-open");
        acceptDeclined.ShouldBeProblem(HttpStatusCode.Conflict, "claim-not-open");
        Assert.Equal(["declined", "accepted"], mine.Select(c => (string)c!["status"]!).ToArray());
        Assert.Equal("当天没有此项活动", (string?)mine[0]!["declineReason"]);
        Assert.Equal((string?)accepted["awardId"], (string?)mine[1]!["awardId"]);
        var award = ledger.Single(e => (string?)e!["kind"] == "award")!;
        Assert.Equal((8, $"resident-{household:N}", photo), ((int)award["earned"]!, (string?)award["details"]!["claimedBy"], (string?)award["details"]!["evidenceIds"]![0]));
        Assert.NotEqual($"resident-{household:N}", (string?)award["actor"]);
        Assert.Equal(8, await _api.Available(household));
    }

    [Fact]
    public async Task A_household_has_at_most_five_open_claims_and_a_claim_follows_the_rules_approval()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village);
        var resident = _api.Token(Roles.Resident, householdId: household, userId: $"resident-{household:N}");
        var checkedRule = await _api.NewRule(village, "red", 4, requiresApproval: true);
        var future = await _api.Post("/api/me/claims", new { ruleCode = checkedRule, occurredOn = DateOnly.Parse(_api.Today()).AddDays(1).ToString("yyyy-MM-dd") }, resident);
        var claims = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            claims.Add((await _api.Post("/api/me/claims", new { ruleCode = checkedRule, occurredOn = _api.Today() }, resident)).ShouldBe(HttpStatusCode.Created).Guid("claimId"));
        }

        var sixth = await _api.Post("/api/me/claims", new { ruleCode = checkedRule, occurredOn = _api.Today() }, resident);
        var accepted = (await _api.Post($"/api/claims/{claims[0]}/accept", new { }, village.Cadre)).ShouldBe(HttpStatusCode.OK).Json;
        var sixthAgain = await _api.Post("/api/me/claims", new { ruleCode = checkedRule, occurredOn = _api.Today() }, resident);
        var pending = (await _api.Get($"/api/awards?villageId={village.Id}&status=pending", village.Approver)).ShouldBe(HttpStatusCode.OK).Json["items"]!.AsArray();

        sixth.ShouldBeProblem(HttpStatusCode.Conflict, "too-many-open-claims");
        future.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "occurred-in-future");
        Assert.Equal("pending", (string?)accepted["awardStatus"]);
        sixthAgain.ShouldBe(HttpStatusCode.Created);
        var item = pending.Single()!;
        Assert.Equal(((string?)accepted["awardId"], $"resident-{household:N}"), ((string?)item["awardId"], (string?)item["details"]!["claimedBy"]));
        Assert.Equal(0, await _api.Available(household));
    }

    [Fact]
    public async Task A_volunteer_claims_hours_and_the_accepted_award_is_for_those_hours()
    {
        var village = await _api.NewVillage();
        var volunteer = (await _api.Post($"/api/villages/{village.Id}/individuals", new { kind = "volunteer", name = "周志愿", idNumber = IdNumbers.Valid() }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created).Guid("accountId");
        var resident = _api.Token(Roles.Resident, householdId: volunteer);
        var code = $"H{Guid.NewGuid():N}"[..10];
        (await _api.Post($"/api/villages/{village.Id}/rules", new { code, color = "orange", title = "志愿服务", unit = "hour", pointsPerUnit = 2, appliesTo = "individual" },
            village.Cadre)).ShouldBe(HttpStatusCode.Created);

        var noHours = await _api.Post("/api/me/claims", new { ruleCode = code, occurredOn = _api.Today() }, resident);
        var tooMany = await _api.Post("/api/me/claims", new { ruleCode = code, occurredOn = _api.Today(), quantity = 25 }, resident);
        var claim = (await _api.Post("/api/me/claims", new { ruleCode = code, occurredOn = _api.Today(), quantity = 4 }, resident)).ShouldBe(HttpStatusCode.Created).Guid("claimId");
        var queued = (await _api.Get($"/api/claims?villageId={village.Id}&status=open", village.Cadre)).Json["items"]![0]!;
        (await _api.Post($"/api/claims/{claim}/accept", new { }, village.Cadre)).ShouldBe(HttpStatusCode.OK);

        noHours.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "quantity-required");
        tooMany.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal((4, 8), ((int)queued["quantity"]!, (int)queued["points"]!));
        Assert.Equal(8, await _api.Available(volunteer));
        Assert.Equal(4, (int)(await _api.Ledger(volunteer)).Single(e => (string?)e!["kind"] == "award")!["details"]!["quantity"]!);
    }
}
