using FluentValidation;
using Marten;
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
    public static async Task Disable(Guid accountId, DisableStaffAccount command, Actor actor, IDocumentSession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin);
        var stream = await session.FetchAccountAsync(accountId, actor, ct);
        if (!stream.Aggregate!.Disabled) stream.AppendOne(new StaffAccountDisabled(accountId, actor.Id, command.Reason));
    }
}
