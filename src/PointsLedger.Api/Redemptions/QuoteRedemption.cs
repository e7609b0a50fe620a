using FluentValidation;
using Marten;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PointsLedger.Expiry;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Ledger;
using PointsLedger.Merchants;
using Wolverine.Http;

namespace PointsLedger.Redemptions;

public sealed record QuoteRedemption(Guid MerchantId, string? QrToken, string? CardNo, string? IdLast6, Guid? HouseholdId, string? IdNumber = null) : IIdentifiesHousehold
{
    public sealed class Validator : AbstractValidator<QuoteRedemption>
    {
        public Validator()
        {
            RuleFor(x => x.MerchantId).NotEmpty();
            this.ValidateIdentification();
        }
    }
}

/// <summary><see cref="Affordable"/>: how many the household can take now, by points, monthly limit and stock.</summary>
public sealed record OfferQuote(
    Guid OfferId, string Title, int Points, decimal CashValue, IReadOnlyList<PointColor> AcceptedColors,
    int? MonthlyLimit, int UsedThisMonth, int? LeftThisMonth, int Affordable);

public sealed record GoodsQuote(string Sku, string Name, int Points, decimal CashValue, int Stock, int Affordable);

public sealed record RedemptionQuote(
    Guid HouseholdId, string HouseholdNo, string Name, ColorTotals Available, IdentifiedBy IdentifiedBy, DateTimeOffset? TokenExpiresAt,
    IReadOnlyList<OfferQuote> Offers, IReadOnlyList<GoodsQuote> Goods)
{
    public static RedemptionQuote For(Household household, Merchant merchant, IdentifiedBy by, DateTimeOffset? tokenExpiresAt, DateOnly today, DateOnly expiredBefore)
    {
        var available = household.Spendable(expiredBefore);
        var offers = merchant.Offers.Values
            .Where(offer => offer.IsValidOn(today))
            .OrderBy(offer => offer.Points)
            .Select(offer =>
            {
                var used = household.RedemptionsThisMonth(offer.Id, today);
                var left = offer.MonthlyLimitPerHousehold - used;
                var inAcceptedColors = Enum.GetValues<PointColor>().Where(offer.Accepts).Sum(color => available.Of(color));
                return new OfferQuote(offer.Id, offer.Title, offer.Points, offer.CashValue, offer.AcceptedColors, offer.MonthlyLimitPerHousehold,
                    used, left, Math.Min(inAcceptedColors / offer.Points, left ?? int.MaxValue));
            })
            .ToList();
        var goods = merchant.Goods.Values
            .OrderBy(g => g.Sku, StringComparer.Ordinal)
            .Select(g => new GoodsQuote(g.Sku, g.Name, g.Points, g.CashValue, g.Stock, Math.Min(available.Total / g.Points, g.Stock)))
            .ToList();
        return new RedemptionQuote(household.Id, household.HouseholdNo, PersonName.Mask(household.HeadName), available, by, tokenExpiresAt, offers, goods);
    }
}

public static class QuoteRedemptionEndpoint
{
    /// <summary>
    /// 扫码查询：the household's masked name, available points by colour, and what it can take here,
    /// with each monthly limit's remainder. The QR code stays usable for the redemption itself.
    /// </summary>
    [WolverinePost("/api/redemptions/quote"), Tags("Redemptions"), EnableRateLimiting(RateLimits.Redemption)]
    public static async Task<RedemptionQuote> Post(
        QuoteRedemption command, Actor actor, IDocumentSession session, HouseholdIdentifier identifier, TimeProvider clock,
        IOptions<ExpirySettings> expiry, CancellationToken ct)
    {
        actor.MustBe(Roles.Clerk, Roles.Admin);
        var merchant = await session.LoadMerchantForAsync(command.MerchantId, actor, ct);
        var identified = await identifier.IdentifyAsync(session, command, merchant, actor, ct);
        var today = clock.Today();
        return RedemptionQuote.For(identified.Household, merchant, identified.By, identified.Token?.ExpiresAt, today,
            expiry.Value.For(identified.Village.Township).ExpiredBefore(today));
    }
}
