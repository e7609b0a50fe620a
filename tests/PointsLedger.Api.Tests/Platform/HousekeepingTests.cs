using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using PointsLedger.Api.Tests.Redemptions;
using PointsLedger.Housekeeping;
using PointsLedger.Idempotency;
using PointsLedger.Redemptions;
using PointsLedger.Residents;
using Wolverine;

namespace PointsLedger.Api.Tests.Platform;

[Collection(LedgerCollection.Name)]
public sealed class HousekeepingTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    private IDocumentStore Store => app.Host.Services.GetRequiredService<IDocumentStore>();

    private async Task Purge(DateTimeOffset at)
    {
        using var pinned = app.Clock.Pin(at);
        using var scope = app.Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new PurgeStaleRecords());
    }

    [Fact]
    public async Task The_nightly_purge_forgets_expired_tokens_and_codes_and_old_idempotent_answers_and_keeps_the_rest()
    {
        var village = await _api.NewVillage();
        var shop = await _api.NewShop(village);
        var offer = await _api.NewOffer(shop, 1);
        var household = await _api.HouseholdWith(village, ("red", 5, null));
        (await _api.Redeem(shop.Clerk, new { merchantId = shop.Id, offerId = offer, qrToken = app.QrToken(household) })).ShouldBe(HttpStatusCode.Created);
        var now = app.Clock.GetUtcNow();
        var (staleCode, freshCode) = ($"stale-{Guid.NewGuid():N}", $"fresh-{Guid.NewGuid():N}");
        var (staleAnswer, freshAnswer) = ($"stale-{Guid.NewGuid():N}", $"fresh-{Guid.NewGuid():N}");
        await using (var session = Store.LightweightSession())
        {
            session.Store(new OneTimeCode(staleCode, household, "hash", now.AddMinutes(1), 0), new OneTimeCode(freshCode, household, "hash", now.AddHours(1), 0));
            session.Store(new IdempotentResponse(staleAnswer, "h", 201, "{}", null, now.AddDays(-7).AddMinutes(-1)),
                new IdempotentResponse(freshAnswer, "h", 201, "{}", null, now.AddDays(-6)));
            await session.SaveChangesAsync();
        }

        await using var query = Store.QuerySession();
        var usedTokens = await query.Query<UsedPaymentToken>().CountAsync(t => t.HouseholdId == household);

        await Purge(now.AddMinutes(3));

        Assert.Equal(1, usedTokens);
        Assert.Equal(0, await query.Query<UsedPaymentToken>().CountAsync(t => t.HouseholdId == household));
        Assert.Null(await query.LoadAsync<OneTimeCode>(staleCode));
        Assert.NotNull(await query.LoadAsync<OneTimeCode>(freshCode));
        Assert.Null(await query.LoadAsync<IdempotentResponse>(staleAnswer));
        Assert.NotNull(await query.LoadAsync<IdempotentResponse>(freshAnswer));
    }

    [Fact]
    public async Task A_photo_no_award_or_claim_took_within_a_week_is_forgotten_and_one_an_award_took_is_kept()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village);
        var rule = await _api.NewRule(village, "green", 2);
        using var http = app.Host.Server.CreateClient();
        var now = app.Clock.GetUtcNow();
        string taken, left;
        using (app.Clock.Pin(now.AddDays(-8)))
        {
            taken = (string)(await Photos.Upload(http, village.Cadre, Photos.Jpeg(300, 200), "a.jpg")).ShouldBe(HttpStatusCode.Created).Json["evidenceId"]!;
            left = (string)(await Photos.Upload(http, village.Cadre, Photos.Jpeg(301, 200), "b.jpg")).ShouldBe(HttpStatusCode.Created).Json["evidenceId"]!;
        }
        (await _api.Post("/api/awards", new { householdId = household, ruleCode = rule, occurredOn = _api.Today(), evidenceIds = new[] { taken } }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created);

        await Purge(now);

        (await _api.Get($"/api/evidence/{taken}", village.Cadre)).ShouldBe(HttpStatusCode.OK);
        (await _api.Get($"/api/evidence/{left}", village.Cadre)).ShouldBeProblem(HttpStatusCode.NotFound, "evidence-not-found");
        await using var query = Store.QuerySession();
        Assert.Null(await query.LoadAsync<PointsLedger.Evidence.EvidencePhoto>(left));
    }
}
