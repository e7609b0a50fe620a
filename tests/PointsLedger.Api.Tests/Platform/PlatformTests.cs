using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace PointsLedger.Api.Tests.Platform;

[Collection(LedgerCollection.Name)]
public sealed class PlatformTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_answers_without_a_token(string url) =>
        Assert.Equal("Healthy", (await _api.Get(url, token: null)).ShouldBe(HttpStatusCode.OK).Body);

    [Fact]
    public async Task Swagger_documents_the_core_routes()
    {
        var document = (await _api.Get("/swagger/v1/swagger.json", token: null)).ShouldBe(HttpStatusCode.OK).Body;

        foreach (var route in new[] { "/api/villages", "/api/villages/{villageId}/households", "/api/villages/{villageId}/rules", "/api/awards",
                     "/api/awards/batch", "/api/awards/{awardId}/approve", "/api/awards/{awardId}/revoke", "/api/households/{householdId}/balance",
                     "/api/households/{householdId}/ledger", "/api/households/{householdId}" })
        {
            Assert.Contains($"\"{route}\"", document);
        }
    }

    [Fact]
    public async Task A_development_token_signs_in_with_the_role_asked_for()
    {
        var village = await _api.NewVillage();
        var token = (await _api.Post("/api/auth/dev-token", new { role = "cadre", villageId = village.Id }, token: null)).ShouldBe(HttpStatusCode.OK);

        (await _api.Get($"/api/villages/{village.Id}", (string?)token.Json["accessToken"])).ShouldBe(HttpStatusCode.OK);
        (await _api.Post("/api/auth/dev-token", new { role = "cadre" }, token: null)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
        (await _api.Post("/api/auth/dev-token", new { role = "mayor" }, token: null)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task Wrong_methods_content_types_and_oversized_bodies_get_problems_with_codes()
    {
        var village = await _api.NewVillage();

        (await _api.Send(HttpMethod.Delete, $"/api/villages/{village.Id}", village.Cadre)).ShouldBeProblem(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        (await _api.Send(HttpMethod.Post, "/api/awards", village.Cadre, "householdId=1", contentType: "application/x-www-form-urlencoded"))
            .ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        (await _api.Send(HttpMethod.Post, "/api/awards", village.Cadre, json: null)).ShouldBeProblem(HttpStatusCode.BadRequest, "malformed-request");
        var huge = "{\"villageId\":\"" + village.Id + "\",\"ruleCode\":\"" + new string('R', 2 * 1024 * 1024) + "\"}";
        (await _api.Send(HttpMethod.Post, "/api/awards/batch", village.Cadre, huge)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "request-too-large");
    }

    [Fact]
    public async Task Api_responses_carry_security_headers_and_are_not_cached()
    {
        using var http = app.Host.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", _api.Admin);

        using var response = await http.GetAsync($"/api/villages/{Guid.NewGuid()}");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task A_tampered_token_is_unauthorized()
    {
        var token = _api.Admin;

        (await _api.Get("/api/villages/" + Guid.NewGuid(), token[..^4] + "AAAA")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Every_event_carries_its_actor_and_correlation_id()
    {
        var village = await _api.NewVillage();
        var rule = await _api.NewRule(village, "red", 5);
        var household = await _api.NewHousehold(village);
        var awardId = (await _api.Award(village, household, rule, token: _api.Token("cadre", village.Id, userId: "cadre-wang"))).ShouldBe(HttpStatusCode.Created).Guid("awardId");

        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(household);

        Assert.Equal("cadre-wang", events[^1].UserName);
        Assert.Equal(awardId, events[^1].Id);
        Assert.False(string.IsNullOrEmpty(events[^1].CorrelationId));
    }
}
