using FluentValidation;
using JasperFx.Events;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Http;
using Wolverine.Http;

namespace PointsLedger.Households;

/// <param name="Phone">The new number; null when the household has none any more.</param>
public sealed record ChangePhone(string? Phone, string? Reason)
{
    public sealed class Validator : AbstractValidator<ChangePhone>
    {
        public Validator()
        {
            RuleFor(x => x.Phone).Matches(PhoneNumber.Pattern).WithMessage(PhoneNumber.Message, PhoneNumber.MessageEn);
            RuleFor(x => x.Reason).MaximumLength(200);
        }
    }
}

/// <param name="Grid">A grid code of the village (<c>GET /api/villages/{villageId}/grids</c>); null takes the household out of every grid.</param>
public sealed record ChangeGrid(string? Grid, string? Reason)
{
    public sealed class Validator : AbstractValidator<ChangeGrid>
    {
        public Validator()
        {
            RuleFor(x => x.Grid).MaximumLength(32);
            RuleFor(x => x.Reason).MaximumLength(200);
        }
    }
}

public sealed record ChangeHead(Guid MemberId, string? Reason)
{
    public sealed class Validator : AbstractValidator<ChangeHead>
    {
        public Validator()
        {
            RuleFor(x => x.MemberId).NotEmpty();
            RuleFor(x => x.Reason).MaximumLength(200);
        }
    }
}

/// <summary>
/// Corrections of a household's record by its village's cadres or an admin. Each is one event with who
/// and why; one that changes nothing appends nothing and answers the household as it is.
/// </summary>
public static class ChangeHouseholdEndpoints
{
    /// <summary>更换联系电话: the resident signs in with the new number only.</summary>
    [WolverinePost("/api/households/{householdId}/phone"), Tags("Households")]
    public static async Task<HouseholdView> Phone(
        ChangePhone command, Actor actor, [WriteStream] IEventStream<Household> stream, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre);
        var (household, _) = await session.ToChangeAsync(stream, actor, ct);
        if (HouseholdDecisions.ChangePhone(household, command.Phone, command.Reason, actor) is not { } changed) return HouseholdView.For(household, actor);
        stream.AppendOne(changed);
        return HouseholdView.For(household.Apply(changed), actor);
    }

    /// <summary>调整网格: the household is listed and awarded with its new grid.</summary>
    [WolverinePost("/api/households/{householdId}/grid"), Tags("Households")]
    public static async Task<HouseholdView> Grid(
        ChangeGrid command, Actor actor, [WriteStream] IEventStream<Household> stream, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre);
        var (household, village) = await session.ToChangeAsync(stream, actor, ct);
        if (HouseholdDecisions.ChangeGrid(household, village, command.Grid, command.Reason, actor) is not { } changed) return HouseholdView.For(household, actor);
        stream.AppendOne(changed);
        return HouseholdView.For(household.Apply(changed), actor);
    }

    /// <summary>变更户主: a member becomes the head; the former head stays a member (原户主) until their removal is approved.</summary>
    [WolverinePost("/api/households/{householdId}/head"), Tags("Households")]
    public static async Task<HouseholdView> Head(
        ChangeHead command, Actor actor, [WriteStream] IEventStream<Household> stream, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre);
        var (household, _) = await session.ToChangeAsync(stream, actor, ct);
        var changed = HouseholdDecisions.ChangeHead(household, command.MemberId, Guid.CreateVersion7(), command.Reason, actor);
        stream.AppendOne(changed);
        return HouseholdView.For(household.Apply(changed), actor);
    }
}
