using FluentValidation;
using JasperFx.Events;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Merchants;
using PointsLedger.PaymentCodes;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Redemptions;

/// <summary>How the clerk names the household: its payment QR code, its card with ID digits, the ID card alone, or (admins) its id.</summary>
public interface IIdentifiesHousehold
{
    string? QrToken { get; }
    string? CardNo { get; }
    string? IdLast6 { get; }
    Guid? HouseholdId { get; }
    /// <summary>The full 18 characters of a household member's ID card, typed or read from the card.</summary>
    string? IdNumber { get; }
}

public sealed record IdentifiedHousehold(
    IEventStream<Household> Stream, Household Household, Village Village, IdentifiedBy By, PaymentToken? Token);

public sealed class HouseholdIdentifier(PaymentCodeKey key, IdNumberHasher hasher, TimeProvider clock)
{
    /// <summary>
    /// Finds the household and locks its stream for the rest of the transaction, holding its village
    /// open (no month closes under a redemption). Only a caller who may redeem there gets as far as the
    /// card check; a wrong one is committed before it is refused, so that it counts towards the lockout.
    /// </summary>
    public async Task<IdentifiedHousehold> IdentifyAsync(
        IDocumentSession session, IIdentifiesHousehold request, Merchant merchant, Actor actor, CancellationToken ct)
    {
        var (householdId, by, token) = await FindAsync(session, request, merchant, actor, ct);
        var stream = await session.Events.FetchForExclusiveWriting<Household>(householdId, ct);
        var household = stream.Aggregate ?? throw new Refusal(ProblemCodes.HouseholdNotFound, householdId);
        var village = await session.HoldOpenAndLoadAsync(household.VillageId, ct);
        actor.MustActInTownship(village.Township);
        RedemptionDecisions.MustServe(merchant, household, village.Township);
        household.MustBeOpen();
        village.MustBeOpenOn(clock.Today());

        if (token is not null && await session.LoadAsync<UsedPaymentToken>(token.Nonce, ct) is not null) throw new Refusal(ProblemCodes.TokenUsed);
        // The number was looked up before the lock: a card reissued in between is refused as replaced.
        if (by == IdentifiedBy.Card && household.CardNo != request.CardNo) throw new Refusal(ProblemCodes.CardReplaced);
        if (by == IdentifiedBy.Card) await CheckCardAsync(session, stream, household, request, actor, ct);
        return new IdentifiedHousehold(stream, household, village, by, token);
    }

    private async Task<(Guid HouseholdId, IdentifiedBy By, PaymentToken? Token)> FindAsync(
        IDocumentSession session, IIdentifiesHousehold request, Merchant merchant, Actor actor, CancellationToken ct)
    {
        if (request.QrToken is { } text)
        {
            var token = PaymentToken.Verify(text, key.Value) ?? throw new Refusal(ProblemCodes.TokenInvalid);
            if (token.ExpiresAt <= clock.GetUtcNow()) throw new Refusal(ProblemCodes.TokenExpired);
            return (token.HouseholdId, IdentifiedBy.QrToken, token);
        }
        if (request.CardNo is { } cardNo)
        {
            var householdId = await session.Query<Household>().Where(h => h.CardNo == cardNo).Select(h => h.Id).FirstOrDefaultAsync(ct);
            if (householdId != Guid.Empty) return (householdId, IdentifiedBy.Card, null);
            throw await session.LoadAsync<ReplacedCard>(cardNo, ct) is null ? new Refusal(ProblemCodes.CardNotFound) : new Refusal(ProblemCodes.CardReplaced);
        }
        if (request.IdNumber is { } idNumber) return (await FindByIdNumberAsync(session, idNumber, merchant, actor, ct), IdentifiedBy.IdNumber, null);
        actor.MustBe(Roles.Admin);
        return (request.HouseholdId!.Value, IdentifiedBy.Household, null);
    }

    /// <summary>
    /// The household one of whose people holds the number in the merchant's township, found by the number's
    /// keyed hash, or else the individual's account (网格员, 志愿者…) of that person; a number that matches
    /// nobody is committed as the clerk's miss before it is refused.
    /// </summary>
    private async Task<Guid> FindByIdNumberAsync(IDocumentSession session, string idNumber, Merchant merchant, Actor actor, CancellationToken ct)
    {
        var missesId = IdNumberMisses.IdFor(actor.Id, clock.Today());
        var misses = await session.LoadAsync<IdNumberMisses>(missesId, ct) ?? new IdNumberMisses(missesId, 0);
        if (misses.Count >= IdNumberMisses.Limit) throw new Refusal(ProblemCodes.IdNumberLocked);
        var hash = hasher.Hash(idNumber);
        var claims = await session.LoadManyAsync<IdNumberClaim>(ct, IdNumberClaim.IdFor(merchant.Township, hash), IdNumberClaim.IndividualIdFor(merchant.Township, hash));
        if (claims.OrderBy(claim => claim.Id.Length).FirstOrDefault() is { } claim) return claim.HouseholdId;

        var missed = misses with { Count = misses.Count + 1 };
        session.Store(missed);
        await session.SaveChangesAsync(ct);
        throw missed.Count >= IdNumberMisses.Limit ? new Refusal(ProblemCodes.IdNumberLocked) : new Refusal(ProblemCodes.IdNumberUnknown, IdNumberMisses.Limit - missed.Count);
    }

    private async Task CheckCardAsync(
        IDocumentSession session, IEventStream<Household> stream, Household household, IIdentifiesHousehold request, Actor actor, CancellationToken ct)
    {
        var today = clock.Today();
        if (RedemptionDecisions.CheckCard(household, hasher.CardCheck(household.CardCheckKey, request.IdLast6!), actor, today) is not { } failure) return;

        stream.AppendOne(failure);
        await session.SaveChangesAsync(ct);
        var failures = household.Apply(failure).CardFailures.Count;
        throw failures >= CardFailures.Limit ? new Refusal(ProblemCodes.CardLocked) : new Refusal(ProblemCodes.CardCheckFailed, CardFailures.Limit - failures);
    }
}

public static class HouseholdIdentificationRules
{
    /// <summary>Exactly one way to name the household; the card needs the ID digits with it.</summary>
    public static void ValidateIdentification<T>(this AbstractValidator<T> validator) where T : IIdentifiesHousehold
    {
        validator.RuleFor(x => x).Must(x => new object?[] { x.QrToken, x.CardNo, x.HouseholdId, x.IdNumber }.Count(way => way is not null) == 1)
            .OverridePropertyName("qrToken")
            .WithMessage("须且只能提供 qrToken、cardNo（加 idLast6）、idNumber 或 householdId 其中之一", "Give exactly one of qrToken, cardNo (with idLast6), idNumber or householdId");
        validator.RuleFor(x => x.IdNumber).Must(IdNumber.IsValid).When(x => x.IdNumber is not null)
            .WithMessage("身份证号应为 18 位且校验位正确", "An ID number has 18 characters and a valid check character");
        validator.RuleFor(x => x.QrToken).MaximumLength(200);
        validator.RuleFor(x => x.CardNo).Matches("^[0-9]{12}$").WithMessage("卡号为 12 位数字", "A card number has 12 digits");
        validator.RuleFor(x => x.IdLast6).NotEmpty().When(x => x.CardNo is not null).WithMessage("持卡兑换须提供身份证号后 6 位", "A card needs the last six characters of the ID number");
        validator.RuleFor(x => x.IdLast6).Matches("^[0-9]{5}[0-9Xx]$").WithMessage("身份证号后 6 位为 5 位数字加 1 位数字或 X", "Five digits, then a digit or X");
        validator.RuleFor(x => x.HouseholdId).NotEqual(Guid.Empty);
    }
}
