using FluentValidation;
using JasperFx.Events;
using PointsLedger.Http;
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
    public static void ResetPassword(
        ResetStaffPassword command, Actor actor, [WriteStream("accountId")] IEventStream<StaffAccount> stream, IPasswordHasher<StaffAccount> hasher)
    {
        stream.AppendOne(new StaffPasswordReset(stream.Id, hasher.HashPassword(actor.MayManage(stream), command.Password), actor.Id));
    }
}
