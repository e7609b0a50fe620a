using JasperFx.Events;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Problems;

namespace PointsLedger.Merchants;

public static class MerchantAccess
{
    /// <summary>
    /// The merchant, for township roles of its township and its own clerks. Anyone else is told it
    /// does not exist, as for households.
    /// </summary>
    public static async Task<Merchant> LoadMerchantForAsync(this IQuerySession session, Guid merchantId, Actor actor, CancellationToken ct) =>
        MustSee(await session.LoadAsync<Merchant>(merchantId, ct), merchantId, actor);

    /// <summary>The same, locking the merchant's stream (its stock) for the rest of the transaction.</summary>
    public static async Task<IEventStream<Merchant>> FetchMerchantForWritingAsync(
        this IDocumentSession session, Guid merchantId, Actor actor, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<Merchant>(merchantId, ct);
        MustSee(stream.Aggregate, merchantId, actor);
        return stream;
    }

    /// <summary>The merchant of a stream <c>[WriteAggregate]</c> locked, for those who may see it.</summary>
    public static Merchant MayWrite(this Actor actor, IEventStream<Merchant> stream) => MustSee(stream.Aggregate, stream.Id, actor);

    public static bool CanSee(this Actor actor, Merchant merchant) => actor.Role switch
    {
        Roles.Admin or Roles.Auditor => actor.Township is null || actor.Township == merchant.Township,
        Roles.Clerk => actor.MerchantId == merchant.Id && (actor.Township is null || actor.Township == merchant.Township),
        _ => false,
    };

    private static Merchant MustSee(Merchant? merchant, Guid merchantId, Actor actor) =>
        merchant is not null && actor.CanSee(merchant) ? merchant : throw new Refusal(ProblemCodes.MerchantNotFound, merchantId);
}
