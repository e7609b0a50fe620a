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

/// <summary>How the clerk names the household: its payment QR code, its card with ID digits, or (admins) its id.</summary>
public interface IIdentifiesHousehold
{
    string? QrToken { get; }
    string? CardNo { get; }
    string? IdLast6 { get; }
    Guid? HouseholdId { get; }
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
        var (householdId, by, token) = await FindAsync(session, request, actor, ct);
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
        IQuerySession session, IIdentifiesHousehold request, Actor actor, CancellationToken ct)
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
        actor.MustBe(Roles.Admin);
        return (request.HouseholdId!.Value, IdentifiedBy.Household, null);
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
        validator.RuleFor(x => x).Must(x => (x.QrToken is not null ? 1 : 0) + (x.CardNo is not null ? 1 : 0) + (x.HouseholdId is not null ? 1 : 0) == 1)
            .OverridePropertyName("qrToken").WithMessage("须且只能提供 qrToken、cardNo（加 idLast6）或 householdId 其中之一", "Give exactly one of qrToken, cardNo (with idLast6) or householdId");
        validator.RuleFor(x => x.QrToken).MaximumLength(200);
        validator.RuleFor(x => x.CardNo).Matches("^[0-9]{12}$").WithMessage("卡号为 12 位数字", "A card number has 12 digits");
        validator.RuleFor(x => x.IdLast6).NotEmpty().When(x => x.CardNo is not null).WithMessage("持卡兑换须提供身份证号后 6 位", "A card needs the last six characters of the ID number");
        validator.RuleFor(x => x.IdLast6).Matches("^[0-9]{5}[0-9Xx]$").WithMessage("身份证号后 6 位为 5 位数字加 1 位数字或 X", "Five digits, then a digit or X");
        validator.RuleFor(x => x.HouseholdId).NotEqual(Guid.Empty);
    }
}
