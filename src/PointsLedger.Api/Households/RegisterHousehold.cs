using FluentValidation;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Households;

/// <param name="Grid">A grid code of the village (<c>POST /api/villages/{villageId}/grids</c>).</param>
public sealed record RegisterHousehold(string HouseholdNo, string HeadName, string IdNumber, string? Phone, string? Grid)
{
    public sealed class Validator : AbstractValidator<RegisterHousehold>
    {
        public Validator()
        {
            RuleFor(x => x.HouseholdNo).NotEmpty().MaximumLength(32);
            RuleFor(x => x.HeadName).NotEmpty().MaximumLength(32);
            RuleFor(x => x.IdNumber).MustBeIdNumber();
            RuleFor(x => x.Phone).Matches(PhoneNumber.Pattern).When(x => x.Phone is not null).WithMessage(PhoneNumber.Message, PhoneNumber.MessageEn);
            RuleFor(x => x.Grid).MaximumLength(32);
        }
    }
}

public sealed record HouseholdAnswer(Guid HouseholdId, string CardNo) : CreationResponse($"/api/households/{HouseholdId}");

public static class RegisterHouseholdEndpoint
{
    /// <summary>登记农户。Household numbers are unique within the village, ID numbers (head or member) within the township.</summary>
    [WolverinePost("/api/villages/{villageId}/households"), Tags("Households")]
    public static async Task<HouseholdAnswer> Post(
        Guid villageId, RegisterHousehold command, Actor actor, IDocumentSession session, IdNumberHasher hasher, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre).MustActIn(villageId);
        // Held open until the household is recorded, so a month closing now sees it or follows it.
        await session.BeginTransactionAsync(ct);
        var village = await session.HoldOpenAndLoadAsync(villageId, ct);
        actor.MustActIn(village);
        if (command.Grid is { } grid && !village.Grids.ContainsKey(grid)) throw new Refusal(ProblemCodes.UnknownGrid, grid);
        var householdNo = command.HouseholdNo.Trim();
        if (await session.Query<Household>().AnyAsync(h => h.VillageId == villageId && h.HouseholdNo == householdNo, ct))
        {
            throw new Refusal(ProblemCodes.HouseholdNumberTaken);
        }

        var registered = Registration(village, command, hasher, actor);
        var claim = IdNumberClaim.IdFor(village.Township, registered.IdNumberHash);
        if (await session.LoadAsync<IdNumberClaim>(claim, ct) is not null) throw new Refusal(ProblemCodes.IdNumberTaken);
        session.Insert(new IdNumberClaim(claim, registered.HouseholdId));
        session.Events.StartStream<Household>(registered.HouseholdId, registered);
        return new HouseholdAnswer(registered.HouseholdId, registered.CardNo);
    }

    /// <summary>A new household with a new card: its ID number kept only masked and hashed, the card's check keyed by the card.</summary>
    public static HouseholdRegistered Registration(Village village, RegisterHousehold command, IdNumberHasher hasher, Actor actor)
    {
        var holder = hasher.NewCardFor(command.IdNumber);
        return new HouseholdRegistered(Guid.CreateVersion7(), village.Id, command.HouseholdNo.Trim(), command.HeadName.Trim(), holder.IdNumberMasked,
            holder.IdNumberHash, command.Phone, command.Grid, holder.CardNo, holder.CardCheck, actor.Id);
    }
}
