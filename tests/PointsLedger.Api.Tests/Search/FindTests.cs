using System.Net;
using System.Text.Json.Nodes;

namespace PointsLedger.Api.Tests.Search;

[Collection(LedgerCollection.Name)]
public sealed class FindTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    private static JsonArray Items(Response response) => response.ShouldBe(HttpStatusCode.OK).Json["items"]!.AsArray();

    [Fact]
    public async Task Villages_are_found_by_exact_code_or_part_of_the_name_within_the_callers_township_and_village_staff_find_only_their_own()
    {
        var township = $"查找街道{Guid.NewGuid():N}"[..12];
        var first = await _api.NewVillage(township);
        var second = await _api.NewVillage(township);
        await _api.NewHousehold(first);
        await _api.NewHousehold(first);
        var townshipAdmin = _api.Token("admin", township: township);

        var all = Items(await _api.Get($"/api/villages?township={Uri.EscapeDataString(township)}", townshipAdmin));
        var byCode = Items(await _api.Get($"/api/villages?code={first.Code}", _api.Admin));
        var byPartOfCode = Items(await _api.Get($"/api/villages?code={first.Code[..8]}", _api.Admin));
        var ownTownshipOnly = Items(await _api.Get("/api/villages", townshipAdmin));
        var otherTownship = await _api.Get($"/api/villages?township={Uri.EscapeDataString("别的街道")}", townshipAdmin);
        var cadreSees = Items(await _api.Get("/api/villages", first.Cadre));
        var resident = await _api.Get("/api/villages", _api.Token("resident", householdId: Guid.NewGuid()));

        Assert.Equal([first.Id, second.Id], all.Select(v => Guid.Parse((string)v!["villageId"]!)).Order());
        Assert.Equal((first.Code, 2), ((string?)byCode.Single()!["code"], (int)byCode.Single()!["households"]!));
        Assert.Empty(byPartOfCode);
        Assert.Equal(2, ownTownshipOnly.Count);
        otherTownship.ShouldBeProblem(HttpStatusCode.Forbidden, "out-of-scope");
        Assert.Equal(first.Id, Guid.Parse((string)cadreSees.Single()!["villageId"]!));
        resident.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Households_are_found_by_number_name_member_or_phone_digits_and_names_are_masked_for_readers_outside_the_village()
    {
        var village = await _api.NewVillage();
        var phone = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        var head = (await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo = "0101", headName = "王大山", idNumber = IdNumbers.Valid(), phone }, village.Cadre)).Guid("householdId");
        await _api.NewHousehold(village, "0102");
        var member = (await _api.Post($"/api/households/{head}/members", new { name = "赵小梅", idNumber = IdNumbers.Valid(), relation = "儿媳" }, village.Cadre))
            .Guid("memberId");
        (await _api.Post($"/api/households/{head}/members/{member}/approve", new { }, village.Approver)).ShouldBe(HttpStatusCode.OK);
        string Url(string q) => $"/api/villages/{village.Id}/households?q={Uri.EscapeDataString(q)}";

        var byNumber = Items(await _api.Get(Url("0102"), village.Cadre));
        var byHead = Items(await _api.Get(Url("大山"), village.Cadre));
        var byMember = Items(await _api.Get(Url("小梅"), village.Cadre));
        var byPhone = Items(await _api.Get(Url(phone[^4..]), village.Cadre));
        var auditorByName = Items(await _api.Get(Url("大山"), _api.Token("auditor")));
        var auditorByNumber = Items(await _api.Get(Url("0101"), _api.Token("auditor")));
        var otherVillage = await _api.Get(Url("大山"), (await _api.NewVillage()).Cadre);

        Assert.Equal("0102", (string?)byNumber.Single()!["householdNo"]);
        Assert.Equal(("王大山", "active"), ((string?)byHead.Single()!["name"], (string?)byHead.Single()!["status"]));
        Assert.Equal(head, Guid.Parse((string)byMember.Single()!["householdId"]!));
        Assert.Equal(head, Guid.Parse((string)byPhone.Single()!["householdId"]!));
        Assert.Empty(auditorByName);
        Assert.Equal("王*山", (string?)auditorByNumber.Single()!["name"]);
        otherVillage.ShouldBeProblem(HttpStatusCode.Forbidden, "out-of-scope");
    }

    [Fact]
    public async Task Households_page_through_every_one_once_by_number_and_by_points_most_first()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "red", 1);
        var households = new List<Guid>();
        for (var i = 0; i < 120; i++) households.Add(await _api.NewHousehold(village, $"{i:D4}"));
        for (var i = 0; i < 3; i++) (await _api.Award(village, households[7], rule)).ShouldBe(HttpStatusCode.Created);
        (await _api.Award(village, households[100], rule)).ShouldBe(HttpStatusCode.Created);

        async Task<List<JsonNode>> All(string sort)
        {
            var seen = new List<JsonNode>();
            string? cursor = null;
            do
            {
                var page = (await _api.Get($"/api/villages/{village.Id}/households?sort={sort}" + (cursor is null ? "" : $"&cursor={cursor}"), village.Cadre))
                    .ShouldBe(HttpStatusCode.OK).Json;
                seen.AddRange(page["items"]!.AsArray().Select(item => item!));
                cursor = (string?)page["next"];
            } while (cursor is not null);
            return seen;
        }

        var byNumber = await All("number");
        var byEarned = await All("earned");
        var forged = await _api.Get($"/api/villages/{village.Id}/households?cursor=not-a-cursor", village.Cadre);

        Assert.Equal(Enumerable.Range(0, 120).Select(i => $"{i:D4}"), byNumber.Select(h => (string)h["householdNo"]!));
        Assert.Equal(120, byEarned.Select(h => (string)h["householdNo"]!).Distinct().Count());
        Assert.Equal(("0007", 3, "0100", 1), ((string)byEarned[0]["householdNo"]!, (int)byEarned[0]["earned"]!, (string)byEarned[1]["householdNo"]!, (int)byEarned[1]["earned"]!));
        Assert.Equal("0000", (string?)byEarned[2]["householdNo"]);
        forged.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-cursor");
    }

    [Fact]
    public async Task Grids_are_records_of_the_village_with_their_worker_and_households_are_listed_by_grid_and_status()
    {
        var village = await _api.NewVillage();
        (await _api.Post($"/api/villages/{village.Id}/grids", new { code = "G1", name = "一网格" }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var inGrid = await _api.NewHousehold(village);
        var leaving = await _api.NewHousehold(village);
        (await _api.Post($"/api/households/{inGrid}/grid", new { grid = "G1" }, village.Cadre)).ShouldBe(HttpStatusCode.OK);
        (await _api.Post($"/api/households/{leaving}/move-out", new { reason = "迁出", on = _api.Today() }, village.Cadre)).ShouldBe(HttpStatusCode.OK);

        var grid = Items(await _api.Get($"/api/villages/{village.Id}/households?grid=G1", village.Cadre));
        var closed = Items(await _api.Get($"/api/villages/{village.Id}/households?status=closed", village.Cadre));
        var worker = (await _api.Post("/api/staff",
            new { login = $"g{Guid.NewGuid():N}"[..12], displayName = "网格员", role = "cadre", password = "Grid2026pw", villageId = village.Id }, _api.Admin))
            .ShouldBe(HttpStatusCode.Created).Guid("accountId");
        var elsewhere = (await _api.Post("/api/staff",
            new { login = $"g{Guid.NewGuid():N}"[..12], displayName = "外村", role = "cadre", password = "Grid2026pw", villageId = (await _api.NewVillage()).Id }, _api.Admin))
            .Guid("accountId");
        var withWorker = await _api.Post($"/api/villages/{village.Id}/grids", new { code = "G2", name = "二网格", workerAccountId = worker }, village.Cadre);
        var taken = await _api.Post($"/api/villages/{village.Id}/grids", new { code = "G1", name = "重复" }, village.Cadre);
        var foreignWorker = await _api.Post($"/api/villages/{village.Id}/grids", new { code = "G3", name = "三网格", workerAccountId = elsewhere }, village.Cadre);
        var stranger = await _api.Post($"/api/villages/{village.Id}/grids", new { code = "G4", name = "四网格" }, (await _api.NewVillage()).Cadre);
        var grids = Items(await _api.Get($"/api/villages/{village.Id}/grids", village.Approver));

        Assert.Equal(inGrid, Guid.Parse((string)grid.Single()!["householdId"]!));
        Assert.Equal(leaving, Guid.Parse((string)closed.Single()!["householdId"]!));
        withWorker.ShouldBe(HttpStatusCode.Created);
        taken.ShouldBeProblem(HttpStatusCode.Conflict, "grid-code-taken");
        foreignWorker.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "worker-not-in-village");
        stranger.ShouldBeProblem(HttpStatusCode.Forbidden, "out-of-scope");
        Assert.Equal(["一网格", "二网格"], grids.Select(g => (string)g!["name"]!));
        Assert.Equal(worker, Guid.Parse((string)grids[1]!["workerAccountId"]!));
    }

    [Fact]
    public async Task The_approval_queue_lists_pending_awards_oldest_first_by_submitter_and_only_in_the_callers_village()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "purple", 5, requiresApproval: true);
        var first = await _api.NewHousehold(village);
        var second = await _api.NewHousehold(village);
        var otherCadre = _api.Token("cadre", village.Id, userId: "cadre-two");
        var a = (await _api.Award(village, second, rule)).Guid("awardId");
        var b = (await _api.Award(village, first, rule, token: otherCadre)).Guid("awardId");
        var c = (await _api.Award(village, second, rule)).Guid("awardId");
        (await _api.Post($"/api/awards/{c}/approve", new { }, village.Approver)).ShouldBe(HttpStatusCode.OK);

        var queue = Items(await _api.Get($"/api/awards?villageId={village.Id}&status=pending", village.Approver));
        var byOther = Items(await _api.Get($"/api/awards?villageId={village.Id}&submittedBy=cadre-two", village.Approver));
        var elsewhere = await _api.Get($"/api/awards?villageId={village.Id}", (await _api.NewVillage()).Approver);
        var credited = await _api.Get($"/api/awards?villageId={village.Id}&status=credited", village.Approver);

        Assert.Equal([a, b], queue.Select(i => Guid.Parse((string)i!["awardId"]!)));
        Assert.Equal(b, Guid.Parse((string)byOther.Single()!["awardId"]!));
        elsewhere.ShouldBeProblem(HttpStatusCode.Forbidden, "out-of-scope");
        credited.ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task A_township_admin_pages_through_the_pending_awards_of_every_village_of_the_township_and_of_no_other()
    {
        var township = $"审批街道{Guid.NewGuid():N}"[..12];
        var submitted = new List<Guid>();
        foreach (var village in new[] { await _api.NewVillage(township), await _api.NewVillage(township) })
        {
            var rule = await _api.NewRule(village, "purple", 1, requiresApproval: true);
            for (var i = 0; i < 30; i++) submitted.Add((await _api.Award(village, await _api.NewHousehold(village), rule)).Guid("awardId"));
        }
        var elsewhere = await _api.NewVillage();
        (await _api.Award(elsewhere, await _api.NewHousehold(elsewhere), await _api.NewRule(elsewhere, "purple", 1, requiresApproval: true))).ShouldBe(HttpStatusCode.Created);
        var admin = _api.Token("admin", township: township);

        var first = (await _api.Get("/api/awards", admin)).ShouldBe(HttpStatusCode.OK).Json;
        var second = (await _api.Get($"/api/awards?cursor={first["next"]}", admin)).ShouldBe(HttpStatusCode.OK).Json;
        var cadreWithoutVillage = await _api.Get("/api/awards", _api.Token("cadre"));

        Assert.Equal(submitted, first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => Guid.Parse((string)i!["awardId"]!)));
        Assert.Null((string?)second["next"]);
        cadreWithoutVillage.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}
