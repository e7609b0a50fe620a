using System.Security.Cryptography;
using FluentValidation;
using JasperFx.Events;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Http;
using Wolverine.Http;

namespace PointsLedger.Households;

public sealed record ReissueCard(string Reason)
{
    public sealed class Validator : AbstractValidator<ReissueCard>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(200);
    }
}

public sealed record CardAnswer(Guid HouseholdId, string CardNo);

/// <summary>A card number given up: the clerk who is shown it is told it was replaced, not that it never existed.</summary>
public sealed record ReplacedCard(string Id);

public static class CardNumbers
{
    /// <summary>Printed on the household card; redeemable only with the last six digits of a member's ID number.</summary>
    public static string New() => string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
}

public static class ReissueCardEndpoint
{
    /// <summary>
    /// 补办积分卡 for a lost or worn card: a new number, the same ID digits. The old card is refused with
    /// <c>card-replaced</c> from now on; the day's wrong tries carry over to the new card.
    /// </summary>
    [WolverinePost("/api/households/{householdId}/card/reissue"), Tags("Households")]
    public static async Task<CardAnswer> Post(
        ReissueCard command, Actor actor, [WriteStream] IEventStream<Household> stream, IDocumentSession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre);
        var (household, _) = await session.ToChangeAsync(stream, actor, ct);
        var reissued = HouseholdDecisions.ReissueCard(household, CardNumbers.New(), command.Reason, actor);
        session.Insert(new ReplacedCard(reissued.FormerCardNo));
        stream.AppendOne(reissued);
        return new CardAnswer(household.Id, reissued.CardNo);
    }
}
