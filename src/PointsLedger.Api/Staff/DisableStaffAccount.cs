using FluentValidation;
using JasperFx.Events;
using PointsLedger.Http;
using PointsLedger.Auth;
using Wolverine.Http;

namespace PointsLedger.Staff;

public sealed record DisableStaffAccount(string Reason)
{
    public sealed class Validator : AbstractValidator<DisableStaffAccount>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(200);
    }
}

public static class DisableStaffAccountEndpoint
{
    /// <summary>停用账号: signing in and refreshing stop at once; access tokens already issued run out within 15 minutes.</summary>
    [WolverinePost("/api/staff/{accountId}/disable"), Tags("Staff"), EmptyResponse]
    public static void Disable(DisableStaffAccount command, Actor actor, [WriteStream("accountId")] IEventStream<StaffAccount> stream)
    {
        if (!actor.MayManage(stream).Disabled) stream.AppendOne(new StaffAccountDisabled(stream.Id, actor.Id, command.Reason));
    }
}
