using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Problems;
using PointsLedger.Security;
using Wolverine.Http;

namespace PointsLedger.Residents;

public sealed record MiniAppCode(string Code)
{
    public sealed class Validator : AbstractValidator<MiniAppCode>
    {
        public Validator() => RuleFor(x => x.Code).NotEmpty().MaximumLength(128);
    }
}

public sealed record MiniAppBound(Guid HouseholdId);

public static class MiniAppEndpoints
{
    /// <summary>绑定小程序: a resident signed in by phone code binds their mini-app account to the household.</summary>
    [WolverinePost("/api/me/mini-app"), Tags("Me")]
    public static async Task<MiniAppBound> Bind(
        MiniAppCode command, Actor actor, IDocumentSession session, IMiniAppIdentity miniApp, TimeProvider clock, CancellationToken ct)
    {
        var householdId = actor.MustBe(Roles.Resident).HouseholdId ?? throw new Refusal(ProblemCodes.Forbidden);
        var openId = await miniApp.OpenIdForAsync(command.Code, ct) ?? throw new Refusal(ProblemCodes.MiniAppCodeInvalid);
        session.Store(new MiniAppBinding(KeyFor(openId), householdId, clock.GetUtcNow(), actor.SignInStamp ?? 0));
        return new MiniAppBound(householdId);
    }

    /// <summary>小程序登录: a bound mini-app account signs in without a text message.</summary>
    [WolverinePost("/api/auth/mini-app/sign-in"), Tags("Auth"), AllowAnonymous, EnableRateLimiting(RateLimits.SignIn)]
    public static async Task<ResidentSignedIn> SignIn(
        MiniAppCode command, IQuerySession session, IMiniAppIdentity miniApp, TokenIssuer issuer, CancellationToken ct)
    {
        var openId = await miniApp.OpenIdForAsync(command.Code, ct) ?? throw new Refusal(ProblemCodes.MiniAppCodeInvalid);
        var binding = await session.LoadAsync<MiniAppBinding>(KeyFor(openId), ct) ?? throw new Refusal(ProblemCodes.MiniAppNotBound);
        var household = await session.LoadAsync<Household>(binding.HouseholdId, ct);
        return household?.PhoneChanges == binding.PhoneChanges ? ResidentSignInEndpoint.Issue(issuer, household) : throw new Refusal(ProblemCodes.MiniAppNotBound);
    }

    /// <summary>Only a hash of the openid is kept: it is a personal identifier of another platform.</summary>
    private static string KeyFor(string openId) => Digest.Sha256Hex($"openid:{openId}");
}
