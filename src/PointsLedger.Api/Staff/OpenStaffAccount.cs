using System.Security.Claims;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PointsLedger.Auth;
using PointsLedger.Http;
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
            RuleFor(x => x.MerchantId).NotNull().When(x => x.Role == Roles.Clerk);
            RuleFor(x => x.Password).SetValidator(new PasswordRule());
            RuleFor(x => x.Township).MaximumLength(64);
        }
    }
}

public sealed record StaffAccountCreated(Guid AccountId) : CreationResponse($"/api/staff/{AccountId}");

public static class OpenStaffAccountEndpoint
{
    public static ProblemDetails Validate(OpenStaffAccount command) => Shape.Check<OpenStaffAccount, OpenStaffAccount.Validator>(command);

    [WolverinePost("/api/staff"), Tags("Staff")]
    public static async Task<StaffAccountCreated> Post(
        OpenStaffAccount command, ClaimsPrincipal user, IDocumentSession session, IPasswordHasher<StaffAccount> hasher, CancellationToken ct)
    {
        var actor = Actor.From(user).MustBe(Roles.Admin);
        // A township's admin opens accounts in that township only, and they inherit it.
        var township = actor.Township ?? command.Township;
        if (command.Township is not null) actor.MustActInTownship(command.Township);
        if (command.VillageId is { } villageId)
        {
            township = (await session.LoadVillageAsync(villageId, ct)).Township;
            actor.MustActInTownship(township);
        }
        if (await session.Query<StaffAccount>().AnyAsync(a => a.Login == command.Login, ct)) throw Refusal.Conflict("login-taken");

        var accountId = Guid.CreateVersion7();
        session.Events.StartStream<StaffAccount>(accountId, Opened(accountId, command with { Township = township }, hasher, actor.Id));
        return new StaffAccountCreated(accountId);
    }

    public static StaffAccountOpened Opened(Guid accountId, OpenStaffAccount command, IPasswordHasher<StaffAccount> hasher, string openedBy) =>
        new(accountId, command.Login, command.DisplayName, command.Role, command.VillageId, command.MerchantId, command.HouseholdId,
            command.Township, hasher.HashPassword(null!, command.Password), openedBy);
}
