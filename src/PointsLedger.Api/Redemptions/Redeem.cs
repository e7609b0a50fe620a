using System.Collections.Immutable;
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

/// <summary>One offer (<see cref="OfferId"/>) or several items, for the household the clerk identified.</summary>
public sealed record Redeem(
    Guid MerchantId, Guid? OfferId, ImmutableList<RedeemLine>? Items, string? QrToken, string? CardNo, string? IdLast6, Guid? HouseholdId,
    string? IdNumber = null)
    : IIdentifiesHousehold
{
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<RedeemLine> Lines => Items ?? [new RedeemLine(OfferId, null, 1)];

    public sealed class Validator : AbstractValidator<Redeem>
    {
        public Validator()
        {
            RuleFor(x => x.MerchantId).NotEmpty();
            RuleFor(x => x.OfferId).NotNull().When(x => x.Items is null).WithMessage("须提供 offerId 或 items", "Give offerId or items");
            RuleFor(x => x.OfferId).Null().When(x => x.Items is not null).WithMessage("offerId 与 items 只能提供其一", "Give offerId or items, not both");
            RuleFor(x => x.Items).Must(items => items!.Count is >= 1 and <= 20).When(x => x.Items is not null).WithMessage("一次兑换 1 至 20 项", "1 to 20 items at a time");
            RuleForEach(x => x.Items).ChildRules(item =>
            {
                item.RuleFor(i => i).Must(i => (i.OfferId is null) != (i.Sku is null)).OverridePropertyName("offerId").WithMessage("每项须且只能提供 offerId 或 sku 其一", "Each item has either offerId or sku");
                item.RuleFor(i => i.OfferId).NotEqual(Guid.Empty);
                item.RuleFor(i => i.Sku).MaximumLength(32);
                item.RuleFor(i => i.Quantity).InclusiveBetween(1, 99);
            });
            this.ValidateIdentification();
        }
    }
}

public sealed record RedemptionAnswer(
    Guid RedemptionId, string ReceiptNo, Guid HouseholdId, string HouseholdNo, string Name, string MerchantName,
    IReadOnlyList<RedeemedItem> Items, int Points, decimal CashValue, ColorTotals AvailableAfter)
    : CreationResponse($"/api/redemptions/{RedemptionId}");

public static class RedeemEndpoint
{
    /// <summary>
    /// 兑换：扣减积分（最早到期的先扣，只扣该项接受的颜色）、扣减库存、出小票。Send an Idempotency-Key: a
    /// retry on a flaky network returns the first receipt and spends nothing twice.
    /// </summary>
    [WolverinePost("/api/redemptions"), Tags("Redemptions"), EnableRateLimiting(RateLimits.Redemption)]
    public static async Task<RedemptionAnswer> Post(
        Redeem command, Actor actor, IDocumentSession session, HouseholdIdentifier identifier, TimeProvider clock,
        IOptions<ExpirySettings> expiry, CancellationToken ct)
    {
        actor.MustBe(Roles.Clerk, Roles.Admin);
        var merchant = await session.LoadMerchantForAsync(command.MerchantId, actor, ct);
        var (householdStream, household, village, identifiedBy, token) = await identifier.IdentifyAsync(session, command, merchant, actor, ct);
        var stockStream = command.Lines.Any(line => line.Sku is not null)
            ? await session.FetchMerchantForWritingAsync(merchant.Id, actor, ct)
            : null;

        var today = clock.Today();
        var (redeemed, issued) = RedemptionDecisions.Redeem(household, village.Township, stockStream?.Aggregate ?? merchant, new RedemptionRequest(
            command.Lines, Guid.CreateVersion7(), ReceiptNumbers.New(today), identifiedBy, actor, today, expiry.Value.For(village.Township).ExpiredBefore(today)));
        householdStream.AppendOne(redeemed);
        if (issued is not null) stockStream!.AppendOne(issued);
        if (token is not null) session.Insert(new UsedPaymentToken(token.Nonce, household.Id, token.ExpiresAt, redeemed.RedemptionId));

        return new RedemptionAnswer(
            redeemed.RedemptionId, redeemed.ReceiptNo, household.Id, household.HouseholdNo, PersonName.Mask(household.HeadName), merchant.Name,
            redeemed.Items, redeemed.Points, redeemed.CashValue, household.Apply(redeemed).Available);
    }
}
