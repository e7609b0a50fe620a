using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Identity;
using PointsLedger.Auth;
using Wolverine.Http;

namespace PointsLedger.Staff;

public sealed record ResetStaffPassword(string Password)
{
    public sealed class Validator : AbstractValidator<ResetStaffPassword>
    {
        public Validator() => RuleFor(x => x.Password).SetValidator(new PasswordRule());
    }
}

public static class ResetStaffPasswordEndpoint
{
    /// <summary>重置密码: also lifts a lockout.</summary>
    [WolverinePost("/api/staff/{accountId}/password"), Tags("Staff"), EmptyResponse]
    public static async Task ResetPassword(
        Guid accountId, ResetStaffPassword command, Actor actor, IDocumentSession session, IPasswordHasher<StaffAccount> hasher, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin);
        var stream = await session.FetchAccountAsync(accountId, actor, ct);
        stream.AppendOne(new StaffPasswordReset(accountId, hasher.HashPassword(stream.Aggregate!, command.Password), actor.Id));
    }
}
