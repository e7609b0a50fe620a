using System.Collections.Immutable;
using FluentValidation;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Merchants;

/// <summary>
/// A partner merchant. <see cref="Township"/> may be left out when the caller's account or the listed
/// villages name it; no villages means every village of the township.
/// </summary>
public sealed record RegisterMerchant(string Name, MerchantKind? Kind, ImmutableList<Guid>? VillageIds, string? Township)
{
    public sealed class Validator : AbstractValidator<RegisterMerchant>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(64);
            RuleFor(x => x.Kind).NotNull().IsInEnum();
            RuleFor(x => x.VillageIds).Must(ids => ids!.Count <= 200 && ids.All(id => id != Guid.Empty) && ids.Distinct().Count() == ids.Count)
                .When(x => x.VillageIds is not null).WithMessage("村（社区）列表不能有空值或重复，最多 200 个", "Villages must be distinct, not empty, and at most 200");
            RuleFor(x => x.Township).MaximumLength(64);
        }
    }
}

public sealed record MerchantAnswer(Guid MerchantId) : CreationResponse($"/api/merchants/{MerchantId}");

public static class RegisterMerchantEndpoint
{
    /// <summary>登记合作商户（五色超市、药店、银行……）。Township admins only.</summary>
    [WolverinePost("/api/merchants"), Tags("Merchants")]
    public static async Task<MerchantAnswer> Post(
        RegisterMerchant command, Actor actor, IDocumentSession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin);
        var villages = await session.LoadManyAsync<Village>(ct, command.VillageIds ?? []);
        var registered = MerchantDecisions.Register(command, villages, Guid.CreateVersion7(), actor);
        session.Events.StartStream<Merchant>(registered.MerchantId, registered);
        return new MerchantAnswer(registered.MerchantId);
    }
}
