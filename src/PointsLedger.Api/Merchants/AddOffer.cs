using System.Collections.Immutable;
using FluentValidation;
using JasperFx.Events;
using PointsLedger.Http;
using PointsLedger.Auth;
using PointsLedger.Ledger;
using Wolverine.Http;

namespace PointsLedger.Merchants;

public sealed record AddOffer(
    string Title, int Points, decimal? CashValue, int? MonthlyLimitPerHousehold, ImmutableList<PointColor>? AcceptedColors,
    DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public sealed class Validator : AbstractValidator<AddOffer>
    {
        public Validator()
        {
            RuleFor(x => x.Title).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Points).InclusiveBetween(1, 100_000);
            RuleFor(x => x.CashValue).Money();
            RuleFor(x => x.MonthlyLimitPerHousehold).InclusiveBetween(1, 1000);
            RuleForEach(x => x.AcceptedColors).IsInEnum();
            RuleFor(x => x.ValidTo).GreaterThanOrEqualTo(x => x.ValidFrom).When(x => x.ValidFrom is not null && x.ValidTo is not null);
        }
    }
}

public sealed record OfferAnswer(Guid OfferId, Guid MerchantId) : CreationResponse($"/api/merchants/{MerchantId}");

public static class AddOfferEndpoint
{
    /// <summary>商户优惠（如“100 分抵 10 元药费，每户每月一次”）。Township admins only.</summary>
    [WolverinePost("/api/merchants/{merchantId}/offers"), Tags("Merchants")]
    public static OfferAnswer Post(AddOffer command, Actor actor, [WriteStream] IEventStream<Merchant> stream, CashValueCeiling ceiling)
    {
        actor.MayWrite(stream);
        var added = MerchantDecisions.AddOffer(command, Guid.CreateVersion7(), actor, ceiling);
        stream.AppendOne(added);
        return new OfferAnswer(added.OfferId, stream.Id);
    }
}
