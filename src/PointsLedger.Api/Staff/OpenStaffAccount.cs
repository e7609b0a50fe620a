using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Identity;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Merchants;
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

public sealed record StaffAccountAnswer(Guid AccountId) : CreationResponse($"/api/staff/{AccountId}");

public static class OpenStaffAccountEndpoint
{
    /// <summary>开设工作人员账号: its township comes from its village or merchant.</summary>
    [WolverinePost("/api/staff"), Tags("Staff")]
    public static async Task<StaffAccountAnswer> Post(
        OpenStaffAccount command, Actor actor, IDocumentSession session, IPasswordHasher<StaffAccount> hasher, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin);
        var targets = await TargetsAsync(command, actor, session, ct);
        var loginTaken = await session.Query<StaffAccount>().AnyAsync(a => a.Login == command.Login, ct);
        var opened = StaffDecisions.Open(command, targets, loginTaken, Guid.CreateVersion7(), hasher.HashPassword(null!, command.Password), actor);
        session.Events.StartStream<StaffAccount>(opened.AccountId, opened);
        return new StaffAccountAnswer(opened.AccountId);
    }

    /// <summary>The village must exist and the merchant be one the admin may see; a household not found is the decision's to refuse.</summary>
    private static async Task<StaffAccountTargets> TargetsAsync(OpenStaffAccount command, Actor actor, IQuerySession session, CancellationToken ct)
    {
        var village = command.VillageId is { } villageId ? await session.LoadVillageAsync(villageId, ct) : null;
        var merchant = command.MerchantId is { } merchantId ? await session.LoadMerchantForAsync(merchantId, actor, ct) : null;
        var household = command.HouseholdId is { } householdId ? await session.LoadAsync<Household>(householdId, ct) : null;
        // Only an account without a village scopes its household by township.
        var householdVillage = household is null || village is not null ? null : await session.LoadAsync<Village>(household.VillageId, ct);
        return new StaffAccountTargets(village, merchant, household, householdVillage);
    }
}
