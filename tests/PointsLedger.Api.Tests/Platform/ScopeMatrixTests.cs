using System.Net;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PointsLedger.Api.Tests.Platform;

/// <summary>
/// Every route in the app × every kind of caller: allowed callers get past access control,
/// everyone else gets 401 (no token) or 403/404, and the refused requests append no event.
/// The routes come from the app's endpoint data source, so a new route without a row here fails.
/// </summary>
[Collection(LedgerCollection.Name)]
public sealed class ScopeMatrixTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    private enum Caller
    {
        Anonymous, Admin, AdminOwnTownship, AdminOtherTownship, Auditor, AuditorOtherTownship, ClerkOwn, ClerkOther, ClerkOtherTownship,
        CadreOwn, CadreOther, ApproverOwn, ApproverOther, ResidentOwn, ResidentOther,
    }

    private static readonly Caller[] Village = [Caller.Admin, Caller.AdminOwnTownship, Caller.CadreOwn, Caller.ApproverOwn];
    private static readonly Caller[] VillageReaders = [Caller.Admin, Caller.AdminOwnTownship, Caller.Auditor, Caller.CadreOwn, Caller.ApproverOwn];
    private static readonly Caller[] Staff = [
        Caller.Admin, Caller.AdminOwnTownship, Caller.AdminOtherTownship, Caller.Auditor, Caller.AuditorOtherTownship,
        Caller.CadreOwn, Caller.CadreOther, Caller.ApproverOwn, Caller.ApproverOther];
    private static readonly Caller[] HouseholdKeepers = [Caller.Admin, Caller.AdminOwnTownship, Caller.CadreOwn];
    private static readonly Caller[] Readers = [Caller.Admin, Caller.AdminOwnTownship, Caller.Auditor, Caller.CadreOwn, Caller.ApproverOwn, Caller.ResidentOwn];
    private static readonly Caller[] Everyone = Enum.GetValues<Caller>();
    private static readonly Caller[] Merchant = [Caller.Admin, Caller.AdminOwnTownship, Caller.ClerkOwn];
    private static readonly Caller[] MerchantReaders = [Caller.Admin, Caller.AdminOwnTownship, Caller.Auditor, Caller.ClerkOwn];
    private static readonly Caller[] Uploaders = [
        Caller.Admin, Caller.AdminOwnTownship, Caller.AdminOtherTownship, Caller.CadreOwn, Caller.CadreOther, Caller.ApproverOwn, Caller.ApproverOther,
        Caller.ResidentOwn, Caller.ResidentOther];

    private const string Township = "刁镇街道";

    private sealed record World(
        Guid VillageId, Guid HouseholdId, Guid AwardId, Guid StaffId, string RuleCode, string Today,
        Guid MerchantId, Guid OfferId, string Sku, Guid RedemptionId, string CardNo, string IdLast6,
        string VillageCode, string LastMonth, Guid ObjectionId, Guid MemberId, Guid LeavingHouseholdId, string RetiringRuleCode, Guid ImportId,
        Guid IndividualId, string IndividualRuleCode, string EvidenceId, Guid ClaimId, Guid SecondClaimId)
    {
        public string LastQuarter => DateOnly.Parse(Today).AddMonths(-3) is var d ? $"{d.Year}-Q{(d.Month + 2) / 3}" : "";

        public string Month => Today[..7];

        public object CardRedemption => new { merchantId = MerchantId, offerId = OfferId, cardNo = CardNo, idLast6 = IdLast6 };
    }

    /// <summary>An upload form with no file: it passes access control and starts no import, so nothing runs on after the row.</summary>
    private sealed record FormWithoutFile;

    private sealed record Row(string Method, string Pattern, Func<World, string> Url, Func<World, object?> Body, Caller[] Allowed);

    private static readonly Row[] Rows =
    [
        new("POST", "/api/villages", _ => "/api/villages", _ => new { code = $"M{Guid.NewGuid():N}"[..12], name = "村", township = Township },
            [Caller.Admin, Caller.AdminOwnTownship]),
        new("GET", "/api/villages/{villageId}", w => $"/api/villages/{w.VillageId}", _ => null,
            [Caller.Admin, Caller.AdminOwnTownship, Caller.Auditor, Caller.CadreOwn, Caller.ApproverOwn]),
        new("POST", "/api/villages/{villageId}/rules", w => $"/api/villages/{w.VillageId}/rules",
            _ => new { code = $"M{Guid.NewGuid():N}"[..10], color = "red", title = "细则", points = 1 }, Village),
        new("POST", "/api/villages/{villageId}/households", w => $"/api/villages/{w.VillageId}/households",
            _ => new { householdNo = $"M{Guid.NewGuid():N}"[..10], headName = "张三", idNumber = IdNumbers.Valid() },
            [Caller.Admin, Caller.AdminOwnTownship, Caller.CadreOwn]),
        new("GET", "/api/households/{householdId}", w => $"/api/households/{w.HouseholdId}", _ => null, Readers),
        new("GET", "/api/households/{householdId}/balance", w => $"/api/households/{w.HouseholdId}/balance", _ => null, Readers),
        new("GET", "/api/households/{householdId}/ledger", w => $"/api/households/{w.HouseholdId}/ledger", _ => null, Readers),
        new("GET", "/api/households/{householdId}/rules", w => $"/api/households/{w.HouseholdId}/rules", _ => null, [.. Village, Caller.ResidentOwn]),
        new("POST", "/api/awards", _ => "/api/awards", w => new { householdId = w.HouseholdId, ruleCode = w.RuleCode, occurredOn = w.Today }, Village),
        new("POST", "/api/awards/batch", _ => "/api/awards/batch",
            w => new { villageId = w.VillageId, ruleCode = w.RuleCode, householdIds = new[] { w.HouseholdId }, occurredOn = w.Today }, Village),
        new("GET", "/api/awards/{awardId}", w => $"/api/awards/{w.AwardId}", _ => null, Readers),
        new("POST", "/api/awards/{awardId}/approve", w => $"/api/awards/{w.AwardId}/approve", _ => new { },
            [Caller.Admin, Caller.AdminOwnTownship, Caller.ApproverOwn]),
        new("POST", "/api/awards/{awardId}/revoke", w => $"/api/awards/{w.AwardId}/revoke", _ => new { reason = "矩阵" },
            [Caller.Admin, Caller.AdminOwnTownship, Caller.ApproverOwn]),
        new("POST", "/api/villages/{villageId}/individuals", w => $"/api/villages/{w.VillageId}/individuals",
            _ => new { kind = "volunteer", name = "志愿者", idNumber = IdNumbers.Valid() }, HouseholdKeepers),
        new("GET", "/api/accounts/{accountId}/balance", w => $"/api/accounts/{w.HouseholdId}/balance", _ => null, Readers),
        new("GET", "/api/accounts/{accountId}/ledger", w => $"/api/accounts/{w.HouseholdId}/ledger", _ => null, Readers),
        new("POST", "/api/villages/{villageId}/assessments", w => $"/api/villages/{w.VillageId}/assessments",
            w => new { period = w.LastQuarter, scores = new[] { new { accountId = w.IndividualId, ruleCode = w.IndividualRuleCode, points = 1 } } }, Village),
        new("POST", "/api/evidence", _ => "/api/evidence", _ => new FormWithoutFile(), Uploaders),
        new("GET", "/api/evidence/{evidenceId}", w => $"/api/evidence/{w.EvidenceId}", _ => null, Readers),
        new("GET", "/api/evidence/{evidenceId}/thumbnail", w => $"/api/evidence/{w.EvidenceId}/thumbnail", _ => null, Readers),
        new("POST", "/api/me/claims", _ => "/api/me/claims", w => new { ruleCode = w.RuleCode, occurredOn = w.Today }, [Caller.ResidentOwn, Caller.ResidentOther]),
        new("GET", "/api/claims", w => $"/api/claims?villageId={w.VillageId}", _ => null, [.. VillageReaders, Caller.ResidentOwn, Caller.ResidentOther]),
        new("POST", "/api/claims/{claimId}/accept", w => $"/api/claims/{w.ClaimId}/accept", _ => new { }, Village),
        new("POST", "/api/claims/{claimId}/decline", w => $"/api/claims/{w.SecondClaimId}/decline", _ => new { reason = "矩阵" }, Village),
        new("POST", "/api/expiry/run", _ => "/api/expiry/run", _ => new { }, [Caller.Admin, Caller.AdminOwnTownship, Caller.AdminOtherTownship]),
        new("GET", "/api/expiry/runs", _ => "/api/expiry/runs", _ => null, [Caller.Admin]),
        new("POST", "/api/staff", _ => "/api/staff",
            _ => new { login = $"m{Guid.NewGuid():N}"[..12], displayName = "员", role = "auditor", password = "Matrix2026pw" },
            [Caller.Admin, Caller.AdminOwnTownship, Caller.AdminOtherTownship]),
        new("POST", "/api/staff/{accountId}/password", w => $"/api/staff/{w.StaffId}/password", _ => new { password = "Matrix2026pw" },
            [Caller.Admin, Caller.AdminOwnTownship]),
        new("POST", "/api/staff/{accountId}/disable", w => $"/api/staff/{w.StaffId}/disable", _ => new { reason = "矩阵" },
            [Caller.Admin, Caller.AdminOwnTownship]),
        new("GET", "/api/audit", w => $"/api/audit?villageId={w.VillageId}", _ => null, [Caller.Admin, Caller.AdminOwnTownship, Caller.Auditor]),
        new("GET", "/api/me", _ => "/api/me", _ => null, [Caller.ResidentOwn, Caller.ResidentOther]),
        new("GET", "/api/me/balance", _ => "/api/me/balance", _ => null, [Caller.ResidentOwn, Caller.ResidentOther]),
        new("GET", "/api/me/ledger", _ => "/api/me/ledger", _ => null, [Caller.ResidentOwn, Caller.ResidentOther]),
        new("GET", "/api/me/standing", _ => "/api/me/standing", _ => null, [Caller.ResidentOwn, Caller.ResidentOther]),
        new("GET", "/api/me/qr", _ => "/api/me/qr", _ => null, [Caller.ResidentOwn, Caller.ResidentOther]),
        new("GET", "/api/me/payment-code", _ => "/api/me/payment-code", _ => null, [Caller.ResidentOwn, Caller.ResidentOther]),
        new("GET", "/api/me/payment-codes/{codeId}", _ => $"/api/me/payment-codes/{Guid.NewGuid()}", _ => null, [Caller.ResidentOwn, Caller.ResidentOther]),
        new("GET", "/api/staff/me", _ => "/api/staff/me", _ => null, [.. Staff, Caller.ClerkOwn, Caller.ClerkOther, Caller.ClerkOtherTownship]),
        new("GET", "/api/households/{householdId}/qr", w => $"/api/households/{w.HouseholdId}/qr", _ => null,
            [Caller.Admin, Caller.AdminOwnTownship, Caller.ResidentOwn]),
        new("POST", "/api/me/mini-app", _ => "/api/me/mini-app", _ => new { code = $"wx:{Guid.NewGuid():N}" }, [Caller.ResidentOwn, Caller.ResidentOther]),
        new("POST", "/api/auth/mini-app/sign-in", _ => "/api/auth/mini-app/sign-in", _ => new { code = "forged" }, Everyone),
        new("POST", "/api/print-links", _ => "/api/print-links", _ => new { path = "/api/reports/summary" }, [.. Everyone.Except([Caller.Anonymous, Caller.ResidentOwn, Caller.ResidentOther])]),
        new("POST", "/api/auth/dev-token", _ => "/api/auth/dev-token", _ => new { role = "auditor" }, Everyone),
        new("POST", "/api/auth/sign-in", _ => "/api/auth/sign-in", _ => new { login = "nobody", password = "nothing1" }, Everyone),
        new("POST", "/api/auth/refresh", _ => "/api/auth/refresh", _ => new { refreshToken = "x.y" }, Everyone),
        new("POST", "/api/auth/sign-out", _ => "/api/auth/sign-out", _ => new { refreshToken = "x.y" }, Everyone),
        new("POST", "/api/auth/resident/code", _ => "/api/auth/resident/code", _ => new { phone = "13700000000" }, Everyone),
        new("POST", "/api/auth/resident/sign-in", _ => "/api/auth/resident/sign-in", _ => new { phone = "13700000000", code = "123456" }, Everyone),
        new("POST", "/api/merchants", _ => "/api/merchants", _ => new { name = "药店", kind = "pharmacy", township = Township },
            [Caller.Admin, Caller.AdminOwnTownship]),
        new("GET", "/api/merchants/{merchantId}", w => $"/api/merchants/{w.MerchantId}", _ => null, MerchantReaders),
        new("POST", "/api/merchants/{merchantId}/offers", w => $"/api/merchants/{w.MerchantId}/offers", _ => new { title = "抵扣", points = 1 },
            [Caller.Admin, Caller.AdminOwnTownship]),
        new("POST", "/api/merchants/{merchantId}/goods", w => $"/api/merchants/{w.MerchantId}/goods",
            _ => new { sku = $"M{Guid.NewGuid():N}"[..10], name = "盐", points = 1, stock = 5 }, Merchant),
        new("POST", "/api/merchants/{merchantId}/goods/{sku}/cash-value", w => $"/api/merchants/{w.MerchantId}/goods/{w.Sku}/cash-value",
            _ => new { cashValue = 0.50m }, [Caller.Admin, Caller.AdminOwnTownship]),
        new("POST", "/api/merchants/{merchantId}/goods/{sku}/restock", w => $"/api/merchants/{w.MerchantId}/goods/{w.Sku}/restock",
            _ => new { quantity = 1 }, Merchant),
        new("POST", "/api/merchants/{merchantId}/goods/{sku}/count", w => $"/api/merchants/{w.MerchantId}/goods/{w.Sku}/count",
            _ => new { counted = 5 }, Merchant),
        new("GET", "/api/merchants/{merchantId}/statements/{month}", w => $"/api/merchants/{w.MerchantId}/statements/{w.Month}", _ => null, MerchantReaders),
        new("GET", "/api/merchants/{merchantId}/redemptions", w => $"/api/merchants/{w.MerchantId}/redemptions", _ => null, MerchantReaders),
        new("GET", "/api/statements/{month}", w => $"/api/statements/{w.Month}", _ => null,
            [Caller.Admin, Caller.AdminOwnTownship, Caller.AdminOtherTownship, Caller.Auditor, Caller.AuditorOtherTownship]),
        new("POST", "/api/redemptions/quote", _ => "/api/redemptions/quote", w => w.CardRedemption, Merchant),
        new("POST", "/api/redemptions", _ => "/api/redemptions", w => w.CardRedemption, Merchant),
        new("GET", "/api/redemptions/{redemptionId}", w => $"/api/redemptions/{w.RedemptionId}", _ => null,
            [.. MerchantReaders, Caller.ResidentOwn]),
        new("POST", "/api/redemptions/{redemptionId}/reverse", w => $"/api/redemptions/{w.RedemptionId}/reverse", _ => new { reason = "矩阵" }, Merchant),
        new("POST", "/api/households/{householdId}/members", w => $"/api/households/{w.HouseholdId}/members",
            _ => new { name = "成员", idNumber = IdNumbers.Valid(), relation = "子女" }, [Caller.Admin, Caller.AdminOwnTownship, Caller.CadreOwn]),
        new("POST", "/api/households/{householdId}/members/{memberId}/remove", w => $"/api/households/{w.HouseholdId}/members/{w.MemberId}/remove",
            _ => new { reason = "矩阵" }, [Caller.Admin, Caller.AdminOwnTownship, Caller.CadreOwn]),
        new("POST", "/api/households/{householdId}/members/{memberId}/approve", w => $"/api/households/{w.HouseholdId}/members/{w.MemberId}/approve",
            _ => new { }, [Caller.Admin, Caller.AdminOwnTownship, Caller.ApproverOwn]),
        new("POST", "/api/households/{householdId}/members/{memberId}/reject", w => $"/api/households/{w.HouseholdId}/members/{w.MemberId}/reject",
            _ => new { reason = "矩阵" }, [Caller.Admin, Caller.AdminOwnTownship, Caller.ApproverOwn]),
        new("GET", "/api/villages/{villageId}/cards.pdf", w => $"/api/villages/{w.VillageId}/cards.pdf", _ => null, HouseholdKeepers),
        new("GET", "/api/households/{householdId}/card", w => $"/api/households/{w.HouseholdId}/card", _ => null,
            [Caller.Admin, Caller.AdminOwnTownship, Caller.CadreOwn, Caller.ResidentOwn]),
        new("POST", "/api/villages/{villageId}/notices", w => $"/api/villages/{w.VillageId}/notices", w => new { month = w.LastMonth },
            [Caller.Admin, Caller.AdminOwnTownship, Caller.ApproverOwn]),
        new("GET", "/api/villages/{villageId}/notices", w => $"/api/villages/{w.VillageId}/notices", _ => null,
            [Caller.Admin, Caller.AdminOwnTownship, Caller.Auditor, Caller.CadreOwn, Caller.ApproverOwn, Caller.ResidentOwn]),
        new("GET", "/api/villages/{villageId}/notices/{month}/preview", w => $"/api/villages/{w.VillageId}/notices/{w.LastMonth}/preview", _ => null, VillageReaders),
        new("GET", "/api/villages/{villageId}/notices/{month}", w => $"/api/villages/{w.VillageId}/notices/{w.LastMonth}", _ => null,
            [Caller.Admin, Caller.AdminOwnTownship, Caller.Auditor, Caller.CadreOwn, Caller.ApproverOwn, Caller.ResidentOwn]),
        new("POST", "/api/villages/{villageId}/notices/{month}/objections", w => $"/api/villages/{w.VillageId}/notices/{w.LastMonth}/objections",
            w => new { householdId = w.HouseholdId, text = "矩阵" }, [Caller.CadreOwn, Caller.ApproverOwn, Caller.ResidentOwn]),
        new("POST", "/api/villages/{villageId}/notices/{month}/objections/{objectionId}/answer",
            w => $"/api/villages/{w.VillageId}/notices/{w.LastMonth}/objections/{w.ObjectionId}/answer", _ => new { upheld = false, answer = "矩阵" },
            [Caller.Admin, Caller.AdminOwnTownship, Caller.ApproverOwn]),
        new("POST", "/api/notices/audit", _ => "/api/notices/audit", _ => new { },
            [Caller.Admin, Caller.AdminOwnTownship, Caller.AdminOtherTownship, Caller.Auditor, Caller.AuditorOtherTownship]),
        new("GET", "/verify", w => $"/verify?village={w.VillageCode}&month={w.LastMonth}&digest=0000000000000000", _ => null, Everyone),
        new("POST", "/verify/line", _ => "/verify/line", w => new { village = w.VillageCode, month = w.LastMonth, line = new { householdNo = "1" } }, Everyone),
        new("GET", "/api/reports/summary", _ => "/api/reports/summary", _ => null,
            [Caller.Admin, Caller.AdminOwnTownship, Caller.AdminOtherTownship, Caller.Auditor, Caller.AuditorOtherTownship]),
        new("GET", "/api/villages", _ => "/api/villages", _ => null, Staff),
        new("GET", "/api/villages/{villageId}/households", w => $"/api/villages/{w.VillageId}/households?q=W", _ => null, VillageReaders),
        new("GET", "/api/villages/{villageId}/rules", w => $"/api/villages/{w.VillageId}/rules?status=active", _ => null, VillageReaders),
        new("GET", "/api/villages/{villageId}/grids", w => $"/api/villages/{w.VillageId}/grids", _ => null, VillageReaders),
        new("POST", "/api/villages/{villageId}/grids", w => $"/api/villages/{w.VillageId}/grids",
            _ => new { code = $"G{Guid.NewGuid():N}"[..10], name = "网格" }, Village),
        new("GET", "/api/awards", w => $"/api/awards?villageId={w.VillageId}&status=pending", _ => null, VillageReaders),
        new("POST", "/api/townships/{township}/rule-templates", _ => $"/api/townships/{Uri.EscapeDataString(Township)}/rule-templates",
            _ => new { code = $"T{Guid.NewGuid():N}"[..10], color = "green", title = "模板", minPoints = 1, maxPoints = 5 }, [Caller.Admin, Caller.AdminOwnTownship]),
        new("GET", "/api/townships/{township}/rule-templates", _ => $"/api/townships/{Uri.EscapeDataString(Township)}/rule-templates", _ => null,
            [Caller.Admin, Caller.AdminOwnTownship, Caller.Auditor]),
        new("POST", "/api/villages/{villageId}/rules/{code}/retire", w => $"/api/villages/{w.VillageId}/rules/{w.RetiringRuleCode}/retire",
            _ => new { reason = "矩阵" }, Village),
        new("POST", "/api/households/{householdId}/phone", w => $"/api/households/{w.HouseholdId}/phone", _ => new { phone = "13912340000" }, HouseholdKeepers),
        new("POST", "/api/households/{householdId}/grid", w => $"/api/households/{w.HouseholdId}/grid", _ => new { grid = "G1" }, HouseholdKeepers),
        new("POST", "/api/households/{householdId}/head", w => $"/api/households/{w.HouseholdId}/head", w => new { memberId = w.MemberId }, HouseholdKeepers),
        new("POST", "/api/households/{householdId}/card/reissue", w => $"/api/households/{w.HouseholdId}/card/reissue", _ => new { reason = "矩阵" },
            HouseholdKeepers),
        new("POST", "/api/households/{householdId}/move-out", w => $"/api/households/{w.LeavingHouseholdId}/move-out", w => new { reason = "矩阵", on = w.Today },
            [.. HouseholdKeepers, Caller.ApproverOwn]),
        new("POST", "/api/villages/{villageId}/imports", w => $"/api/villages/{w.VillageId}/imports?kind=households", _ => new FormWithoutFile(), HouseholdKeepers),
        new("GET", "/api/imports/{importId}", w => $"/api/imports/{w.ImportId}", _ => null, HouseholdKeepers),
        new("GET", "/api/imports/{importId}/report.xlsx", w => $"/api/imports/{w.ImportId}/report.xlsx", _ => null, HouseholdKeepers),
        new("GET", "/api/imports/templates/households.xlsx", _ => "/api/imports/templates/households.xlsx", _ => null,
            [Caller.Admin, Caller.AdminOwnTownship, Caller.AdminOtherTownship, Caller.CadreOwn, Caller.CadreOther]),
        new("GET", "/api/imports/templates/awards.xlsx", w => $"/api/imports/templates/awards.xlsx?villageId={w.VillageId}", _ => null, HouseholdKeepers),
        new("GET", "/api/villages/{villageId}/households.xlsx", w => $"/api/villages/{w.VillageId}/households.xlsx", _ => null, HouseholdKeepers),
        new("GET", "/health/live", _ => "/health/live", _ => null, Everyone),
        new("GET", "/health/ready", _ => "/health/ready", _ => null, Everyone),
    ];

    [Fact]
    public void Every_route_of_the_app_has_a_row()
    {
        var routes = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Where(route => !route.Contains("/swagger"))
            .ToHashSet();

        var missing = routes.Except(Rows.Select(r => $"{r.Method} {r.Pattern}")).Order().ToList();

        Assert.True(missing.Count == 0, "Routes without a row in the scope matrix: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Each_caller_gets_exactly_the_access_its_row_allows_and_refusals_change_nothing()
    {
        var world = await BuildWorld();
        var tokens = await Tokens(world);
        var failures = new List<string>();

        foreach (var row in Rows)
        {
            foreach (var caller in Everyone)
            {
                var before = await EventCount();
                var body = row.Body(world);
                var response = body switch
                {
                    null => await _api.Send(new HttpMethod(row.Method), row.Url(world), tokens[caller]),
                    FormWithoutFile => await PostForm(row.Url(world), tokens[caller]),
                    _ => await _api.Post(row.Url(world), body, tokens[caller]),
                };
                var allowed = row.Allowed.Contains(caller);
                // Access control answers with these codes; a 401 for a wrong password or a 404 for a hidden record is a different thing.
                var code = response.Body.StartsWith('{') ? (string?)response.Json["code"] : null;
                var refused = code is "unauthorized" or "forbidden" or "out-of-scope"
                    || (response.Status == HttpStatusCode.NotFound && !allowed);

                if (allowed && refused)
                    failures.Add($"{caller} {row.Method} {row.Pattern}: allowed but got {(int)response.Status} {response.Body}");
                if (!allowed && !refused)
                    failures.Add($"{caller} {row.Method} {row.Pattern}: denied but got {(int)response.Status}");
                if (!allowed && caller == Caller.Anonymous && response.Status != HttpStatusCode.Unauthorized)
                    failures.Add($"{caller} {row.Method} {row.Pattern}: expected 401, got {(int)response.Status}");
                if (!allowed && await EventCount() != before)
                    failures.Add($"{caller} {row.Method} {row.Pattern}: a refused request appended events");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// Read-only: the audit derives every notice again and changes nothing; the line check is anonymous, with no caller to scope a key to.
    /// An upload is multipart, not the JSON this walk sends: its replay is proven in ImportTests.
    /// </summary>
    private static readonly string[] NotKeyed = ["/api/notices/audit", "/api/print-links", "/verify/line", "/api/villages/{villageId}/imports", "/api/evidence"];

    /// <summary>Where the world's state refuses the first request, its refusal is what is replayed; every other first answer is a success.</summary>
    private static readonly Dictionary<string, HttpStatusCode> FirstRefusals = new()
    {
        ["/api/households/{householdId}/members/{memberId}/remove"] = HttpStatusCode.NotFound, // the member is still pending
        ["/api/households/{householdId}/members/{memberId}/reject"] = HttpStatusCode.Conflict, // approved the step before
        ["/api/villages/{villageId}/notices"] = HttpStatusCode.Conflict, // the world closed last month already
    };

    [Fact]
    public async Task Every_writing_post_route_answers_a_retry_with_the_same_key_with_its_first_answer_and_appends_nothing()
    {
        var world = await BuildWorld();
        var tokens = await Tokens(world);
        var failures = new List<string>();
        var walked = 0;

        foreach (var row in Rows.Where(r => r.Method == "POST" && !r.Allowed.Contains(Caller.Anonymous) && !NotKeyed.Contains(r.Pattern)))
        {
            var caller = tokens[row.Allowed[0]];
            var body = row.Body(world)!;
            var key = $"walk-{Guid.NewGuid():N}";
            var json = System.Text.Json.JsonSerializer.Serialize(body, LedgerClient.JsonOptions);
            var first = await _api.Send(HttpMethod.Post, row.Url(world), caller, json, key);
            var retry = $"retry-{Guid.NewGuid():N}";
            var retried = await _api.Send(HttpMethod.Post, row.Url(world), caller, json, key, correlationId: retry);
            walked++;

            HttpStatusCode? expected = FirstRefusals.TryGetValue(row.Pattern, out var refusal) ? refusal : null;
            if (expected is null ? (int)first.Status is < 200 or > 299 : first.Status != expected)
                failures.Add($"{row.Pattern}: the first answer was {(int)first.Status}, not {(expected is null ? "a success" : (int)expected)}");
            if (!retried.Replayed || retried.Status != first.Status || retried.Body != first.Body)
                failures.Add($"{row.Pattern}: first {(int)first.Status} {first.Body[..Math.Min(80, first.Body.Length)]}, retry {(int)retried.Status} replayed={retried.Replayed} {retried.Body[..Math.Min(80, retried.Body.Length)]}");
            if (await EventsCorrelatedWith(retry) != 0) failures.Add($"{row.Pattern}: the retry appended events");
        }

        Assert.True(walked >= 25, $"walked only {walked} routes");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task<World> BuildWorld()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "orange", 1);
        var approvalRule = await _api.NewRule(village, "orange", 2, requiresApproval: true);
        var idNumber = IdNumbers.Valid();
        var registered = (await _api.Post($"/api/villages/{village.Id}/households",
            new { householdNo = $"W{Guid.NewGuid():N}"[..10], headName = "王五", idNumber }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var household = registered.Guid("householdId");
        var award = (await _api.Award(village, household, approvalRule)).Guid("awardId");
        (await _api.Award(village, household, await _api.NewRule(village, "red", 20))).ShouldBe(HttpStatusCode.Created);
        var merchant = (await _api.Post("/api/merchants", new { name = "五色超市", kind = "supermarket", villageIds = new[] { village.Id } }, _api.Admin))
            .Guid("merchantId");
        var offer = (await _api.Post($"/api/merchants/{merchant}/offers", new { title = "抵扣", points = 1 }, _api.Admin)).Guid("offerId");
        var sku = $"S{Guid.NewGuid():N}"[..10];
        (await _api.Post($"/api/merchants/{merchant}/goods", new { sku, name = "盐", points = 1, stock = 5 }, _api.Admin)).ShouldBe(HttpStatusCode.Created);
        var redemption = (await _api.Post("/api/redemptions", new { merchantId = merchant, offerId = offer, householdId = household }, _api.Admin))
            .ShouldBe(HttpStatusCode.Created).Guid("redemptionId");
        var lastMonth = DateOnly.Parse(_api.Today()[..7] + "-01").AddMonths(-1);
        (await _api.Award(village, household, rule, lastMonth.AddDays(9).ToString("yyyy-MM-dd"))).ShouldBe(HttpStatusCode.Created);
        (await _api.Post($"/api/villages/{village.Id}/notices", new { month = lastMonth.ToString("yyyy-MM") }, _api.Admin)).ShouldBe(HttpStatusCode.Created);
        var objection = (await _api.Post($"/api/villages/{village.Id}/notices/{lastMonth:yyyy-MM}/objections", new { text = "异议" },
            _api.Token("resident", householdId: household))).ShouldBe(HttpStatusCode.Created).Guid("objectionId");
        var staff = (await _api.Post("/api/staff",
                new { login = $"w{Guid.NewGuid():N}"[..12], displayName = "员", role = "auditor", password = "Matrix2026pw", township = Township }, _api.Admin))
            .Guid("accountId");
        var member = (await _api.Post($"/api/households/{household}/members", new { name = "成员", idNumber = IdNumbers.Valid(), relation = "子女" },
            village.Cadre)).ShouldBe(HttpStatusCode.Created).Guid("memberId");
        (await _api.Post($"/api/villages/{village.Id}/grids", new { code = "G1", name = "一网格" }, village.Cadre)).ShouldBe(HttpStatusCode.Created);
        var individual = (await _api.Post($"/api/villages/{village.Id}/individuals", new { kind = "grid-worker", name = "网格员", idNumber = IdNumbers.Valid() },
            village.Cadre)).ShouldBe(HttpStatusCode.Created).Guid("accountId");
        var individualRule = $"I{Guid.NewGuid():N}"[..10];
        (await _api.Post($"/api/villages/{village.Id}/rules", new { code = individualRule, color = "purple", title = "考核", points = 10, appliesTo = "individual" },
            village.Cadre)).ShouldBe(HttpStatusCode.Created);
        using var http = app.Host.Server.CreateClient();
        var evidence = (string)(await Photos.Upload(http, village.Cadre, Photos.Jpeg(64, 48), "证据.jpg")).ShouldBe(HttpStatusCode.Created).Json["evidenceId"]!;
        (await _api.Post("/api/awards", new { householdId = household, ruleCode = rule, occurredOn = _api.Today(), evidenceIds = new[] { evidence } }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created);
        var resident = _api.Token("resident", householdId: household);
        var claim = (await _api.Post("/api/me/claims", new { ruleCode = rule, occurredOn = _api.Today() }, resident)).ShouldBe(HttpStatusCode.Created).Guid("claimId");
        var secondClaim = (await _api.Post("/api/me/claims", new { ruleCode = rule, occurredOn = _api.Today() }, resident)).ShouldBe(HttpStatusCode.Created).Guid("claimId");
        return new World(village.Id, household, award, staff, rule, _api.Today(), merchant, offer, sku, redemption,
            (string)registered.Json["cardNo"]!, idNumber[^6..], village.Code, lastMonth.ToString("yyyy-MM"), objection, member,
            await _api.NewHousehold(village), await _api.NewRule(village, "green", 3),
            await FinishedImport(village), individual, individualRule, evidence, claim, secondClaim);
    }

    /// <summary>An import that has ended, so that nothing it does lands while the rows are walked.</summary>
    private async Task<Guid> FinishedImport(TestVillage village)
    {
        var sheet = PointsLedger.Api.Tests.Imports.ImportSteps.Xlsx([["户号", "户主姓名", "身份证号"]]);
        var import = (await PointsLedger.Api.Tests.Imports.ImportSteps.Import(app, village.Cadre, village.Id, "households", sheet, "r.xlsx"));
        return Guid.Parse((string)import["importId"]!);
    }

    private async Task<Dictionary<Caller, string?>> Tokens(World world)
    {
        var other = await _api.NewVillage();
        var otherHousehold = await _api.NewHousehold(other);
        return new()
        {
            [Caller.Anonymous] = null,
            [Caller.Admin] = _api.Admin,
            [Caller.AdminOwnTownship] = _api.Token("admin", township: Township),
            [Caller.AdminOtherTownship] = _api.Token("admin", township: "明水街道"),
            [Caller.Auditor] = _api.Token("auditor", township: Township),
            [Caller.AuditorOtherTownship] = _api.Token("auditor", township: "明水街道"),
            [Caller.ClerkOwn] = _api.Token("clerk", merchantId: world.MerchantId),
            [Caller.ClerkOther] = _api.Token("clerk", merchantId: Guid.NewGuid()),
            [Caller.ClerkOtherTownship] = _api.Token("clerk", merchantId: world.MerchantId, township: "明水街道"),
            [Caller.CadreOwn] = _api.Token("cadre", world.VillageId),
            [Caller.CadreOther] = other.Cadre,
            [Caller.ApproverOwn] = _api.Token("approver", world.VillageId),
            [Caller.ApproverOther] = other.Approver,
            [Caller.ResidentOwn] = _api.Token("resident", householdId: world.HouseholdId),
            [Caller.ResidentOther] = _api.Token("resident", householdId: otherHousehold),
        };
    }

    private async Task<Response> PostForm(string url, string? token)
    {
        using var http = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new MultipartFormDataContent { { new StringContent("x"), "note" } } };
        if (token is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var answer = await http.SendAsync(request);
        return new Response(answer.StatusCode, await answer.Content.ReadAsStringAsync(), false);
    }

    private async Task<long> EventsCorrelatedWith(string correlationId)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().Where(e => e.CorrelationId == correlationId).LongCountAsync();
    }

    private async Task<long> EventCount()
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }
}
