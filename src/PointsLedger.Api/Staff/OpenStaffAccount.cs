using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Identity;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Merchants;
using PointsLedger.Problems;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Staff;

/// <summary>A township admin opens an account for a cadre, approver, clerk, auditor or admin.</summary>
/// <param name="Township">For admins and auditors: the township they are limited to; none means every township.</param>
public sealed record OpenStaffAccount(
    string Login, string DisplayName, string Role, Guid? VillageId, Guid? MerchantId, Guid? HouseholdId, string Password, string? Township = null)
{
    public sealed class Validator : AbstractValidator<OpenStaffAccount>
    {
        public Validator()
        {
            RuleFor(x => x.Login).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9_.@-]+$");
            RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(32);
            RuleFor(x => x.Role).Must(role => role is Roles.Admin or Roles.Cadre or Roles.Approver or Roles.Clerk or Roles.Auditor)
                .WithMessage("角色须为 admin、cadre、approver、clerk 或 auditor", "role must be admin, cadre, approver, clerk or auditor");
            RuleFor(x => x.VillageId).NotNull().When(x => x.Role is Roles.Cadre or Roles.Approver);
            RuleFor(x => x.VillageId).Null().When(x => x.Role is not (Roles.Cadre or Roles.Approver))
                .WithMessage("只有村干部和审核人属于某村", "Only cadres and approvers belong to a village");
            RuleFor(x => x.MerchantId).NotNull().When(x => x.Role == Roles.Clerk);
            RuleFor(x => x.MerchantId).Null().When(x => x.Role != Roles.Clerk).WithMessage("只有收银员属于商户", "Only clerks belong to a merchant");
            RuleFor(x => x.Password).SetValidator(new PasswordRule());
            RuleFor(x => x.Township).MaximumLength(64);
        }
    }
}

public sealed record StaffAccountCreated(Guid AccountId) : CreationResponse($"/api/staff/{AccountId}");

public static class OpenStaffAccountEndpoint
{
    /// <summary>开设工作人员账号: its township comes from its village or merchant.</summary>
    [WolverinePost("/api/staff"), Tags("Staff")]
    public static async Task<StaffAccountCreated> Post(
        OpenStaffAccount command, Actor actor, IDocumentSession session, IPasswordHasher<StaffAccount> hasher, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin);
        var township = await TownshipOfAsync(command, actor, session, ct);
        if (await session.Query<StaffAccount>().AnyAsync(a => a.Login == command.Login, ct)) throw new Refusal(ProblemCodes.LoginTaken);

        var accountId = Guid.CreateVersion7();
        session.Events.StartStream<StaffAccount>(accountId, Opened(accountId, command with { Township = township }, hasher, actor.Id));
        return new StaffAccountCreated(accountId);
    }

    /// <summary>
    /// The account's township comes from what it points at (its village, its merchant), each loaded and
    /// required inside the admin's township; a linked household must lie in the account's village, or
    /// its township. A township's admin opens accounts in that township only, and they inherit it.
    /// </summary>
    private static async Task<string?> TownshipOfAsync(OpenStaffAccount command, Actor actor, IQuerySession session, CancellationToken ct)
    {
        var township = command.Township ?? actor.Township;
        if (command.VillageId is { } villageId) township = (await session.LoadVillageAsync(villageId, ct)).Township;
        if (command.MerchantId is { } merchantId)
        {
            township = (await session.LoadMerchantForAsync(merchantId, actor, ct)).Township;
        }
        if (township is not null) actor.MustActInTownship(township);
        if (command.Township is not null && command.Township != township) throw new Refusal(ProblemCodes.TownshipMismatch, command.Township);
        if (command.HouseholdId is { } householdId)
        {
            var household = await session.LoadAsync<Household>(householdId, ct) ?? throw new Refusal(ProblemCodes.HouseholdNotFound, householdId);
            var inScope = command.VillageId is { } village
                ? household.VillageId == village
                : township is null || (await session.LoadVillageAsync(household.VillageId, ct)).Township == township;
            if (!inScope) throw new Refusal(ProblemCodes.HouseholdNotFound, householdId);
        }
        return township;
    }

    public static StaffAccountOpened Opened(Guid accountId, OpenStaffAccount command, IPasswordHasher<StaffAccount> hasher, string openedBy) =>
        new(accountId, command.Login, command.DisplayName, command.Role, command.VillageId, command.MerchantId, command.HouseholdId,
            command.Township, hasher.HashPassword(null!, command.Password), openedBy);
}
