using FluentValidation;
using Marten;
using Microsoft.Extensions.Options;
using PointsLedger.Auth;
using PointsLedger.Expiry;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Ledger;
using PointsLedger.Merchants;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Redemptions;

public sealed record ReverseRedemption(string Reason)
{
    public sealed class Validator : AbstractValidator<ReverseRedemption>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(200);
    }
}

public sealed record ReversalAnswer(Guid RedemptionId, string ReceiptNo, string Status, int PointsReturned, ColorTotals AvailableAfter);

public static class ReverseRedemptionEndpoint
{
    /// <summary>冲正：退回同一批积分（到期时间不变）和库存，原兑换记录保留。The merchant's clerks or admins, within the configured days.</summary>
    [WolverinePost("/api/redemptions/{redemptionId}/reverse"), Tags("Redemptions")]
    public static async Task<ReversalAnswer> Post(
        Guid redemptionId, ReverseRedemption command, Actor actor, IDocumentSession session, TimeProvider clock,
        IOptions<RedemptionSettings> settings, IOptions<ExpirySettings> expiry, CancellationToken ct)
    {
        actor.MustBe(Roles.Clerk, Roles.Admin);
        var (found, merchant) = await session.LoadRedemptionForAsync(redemptionId, actor, ct);
        var householdStream = await session.Events.FetchForExclusiveWriting<Household>(found.HouseholdId, ct);
        // Read again under the household's lock: a racing reversal has committed by now.
        var redemption = (await session.LoadAsync<RedemptionRecord>(redemptionId, ct))!;
        var household = householdStream.Aggregate!;
        var village = await session.HoldOpenAndLoadAsync(household.VillageId, ct);

        var today = clock.Today();
        village.MustBeOpenOn(today);
        var (reversed, returned) = RedemptionDecisions.Reverse(household, redemption, command.Reason, actor, today,
            settings.Value.ReversalDays, expiry.Value.For(village.Township).ExpiredBefore(today));
        householdStream.AppendOne(reversed);
        if (returned is not null) (await session.FetchMerchantForWritingAsync(merchant.Id, actor, ct)).AppendOne(returned);

        return new ReversalAnswer(
            redemptionId, redemption.ReceiptNo, "reversed", reversed.Changes.Sum(c => c.Points), household.Apply(reversed).Available);
    }
}
