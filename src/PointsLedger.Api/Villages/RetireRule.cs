using FluentValidation;
using JasperFx.Events;
using PointsLedger.Auth;
using PointsLedger.Http;
using Wolverine.Http;

namespace PointsLedger.Villages;

public sealed record RetireRule(string Reason)
{
    public sealed class Validator : AbstractValidator<RetireRule>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(200);
    }
}

public static class RetireRuleEndpoint
{
    /// <summary>停用积分细则: no new awards under it; its past awards stand. A corrected value is a new rule with <c>replaces</c>.</summary>
    [WolverinePost("/api/villages/{villageId}/rules/{code}/retire"), Tags("Villages")]
    public static RuleView Post(Guid villageId, string code, RetireRule command, Actor actor, [WriteStream] IEventStream<Village> stream)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre, Roles.Approver).MustActIn(villageId);
        var village = stream.Found();
        if (VillageDecisions.RetireRule(village, code, command.Reason, actor) is not { } retired) return RuleView.Of(village.Rules[code]);
        stream.AppendOne(retired);
        return RuleView.Of(village.Apply(retired).Rules[code]);
    }
}
