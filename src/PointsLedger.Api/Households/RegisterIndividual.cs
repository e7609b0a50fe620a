using System.Globalization;
using FluentValidation;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Households;

/// <param name="Grid">A grid code of the village: for a grid worker, the grid they look after.</param>
public sealed record RegisterIndividual(AccountKind Kind, string Name, string IdNumber, string? Phone, string? Grid)
{
    public sealed class Validator : AbstractValidator<RegisterIndividual>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).IsInEnum().NotEqual(AccountKind.Household).WithMessage("个人账户的类别须为 grid-worker、volunteer、rider 或 other",
                "An individual's kind is grid-worker, volunteer, rider or other");
            RuleFor(x => x.Name).NotEmpty().MaximumLength(32);
            RuleFor(x => x.IdNumber).MustBeIdNumber();
            RuleFor(x => x.Phone).Matches(PhoneNumber.Pattern).When(x => x.Phone is not null).WithMessage(PhoneNumber.Message, PhoneNumber.MessageEn);
            RuleFor(x => x.Grid).MaximumLength(32);
        }
    }
}

/// <param name="AccountNo">The account's number in the village (W-001 for the first grid worker), as the notice shows it.</param>
public sealed record IndividualAnswer(Guid AccountId, string AccountNo, string CardNo) : CreationResponse($"/api/accounts/{AccountId}/balance");

public static class RegisterIndividualEndpoint
{
    /// <summary>
    /// 登记个人账户（网格员、志愿者、骑手…）: the same five colours, card, payment code and rules as a household's.
    /// One individual account per person in a township, besides the household they may belong to.
    /// </summary>
    [WolverinePost("/api/villages/{villageId}/individuals"), Tags("Households")]
    public static async Task<IndividualAnswer> Post(
        Guid villageId, RegisterIndividual command, Actor actor, IDocumentSession session, IdNumberHasher hasher, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre).MustActIn(villageId);
        await session.BeginTransactionAsync(ct);
        var village = await session.HoldOpenAndLoadAsync(villageId, ct);
        actor.MustActIn(village);
        if (command.Grid is { } grid && !village.Grids.ContainsKey(grid)) throw new Refusal(ProblemCodes.UnknownGrid, grid);

        var holder = hasher.NewCardFor(command.IdNumber);
        var claim = IdNumberClaim.IndividualIdFor(village.Township, holder.IdNumberHash);
        if (await session.LoadAsync<IdNumberClaim>(claim, ct) is not null) throw new Refusal(ProblemCodes.IdNumberTaken);

        // The next after the highest, under the village's hold so two registrations cannot take one number; a household
        // numbered in the same style (W-005) is skipped over, and the number index refuses any collision left.
        var prefix = command.Kind.NumberPrefix() + "-";
        var taken = await session.Query<Household>().Where(h => h.VillageId == villageId && h.HouseholdNo.StartsWith(prefix)).Select(h => h.HouseholdNo).ToListAsync(ct);
        var highest = taken.Select(no => int.TryParse(no.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty().Max();
        var registered = new IndividualRegistered(Guid.CreateVersion7(), villageId, command.Kind, $"{prefix}{highest + 1:D3}", command.Name.Trim(),
            holder.IdNumberMasked, holder.IdNumberHash, command.Phone, command.Grid, holder.CardNo, holder.CardCheck, actor.Id);
        session.Insert(new IdNumberClaim(claim, registered.AccountId));
        session.Events.StartStream<Household>(registered.AccountId, registered);
        return new IndividualAnswer(registered.AccountId, registered.AccountNo, registered.CardNo);
    }
}
