using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Http;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Residents;

public sealed record ResidentSignIn(string Phone, string Code)
{
    public sealed class Validator : AbstractValidator<ResidentSignIn>
    {
        public Validator()
        {
            RuleFor(x => x.Phone).Matches(PhoneNumber.Pattern).WithMessage(PhoneNumber.Message, PhoneNumber.MessageEn);
            RuleFor(x => x.Code).Matches("^[0-9]{6}$");
        }
    }
}

public sealed record ResidentSignedIn(string AccessToken, string TokenType, int ExpiresIn, Guid HouseholdId);

public static class ResidentSignInEndpoint
{
    public static readonly TimeSpan AccessLifetime = TimeSpan.FromDays(1);

    /// <summary>
    /// 验证码登录. A code works once (concurrent uses lose on the code's version); a wrong code counts,
    /// the fifth wrong one kills the code, and after ten in a day the phone's codes work again tomorrow.
    /// </summary>
    [WolverinePost("/api/auth/resident/sign-in"), Tags("Auth"), AllowAnonymous, EnableRateLimiting(RateLimits.SignIn), ProducesResponseType<ResidentSignedIn>(200)]
    public static async Task<IResult> Post(
        ResidentSignIn command, IDocumentSession session, TokenIssuer issuer, TimeProvider clock, CancellationToken ct)
    {
        var issued = await session.LoadAsync<OneTimeCode>(OneTimeCodes.KeyFor(command.Phone), ct);
        if (issued?.MayTry(clock.GetUtcNow(), clock.Today()) != true) return Refused();

        if (issued.CodeHash != OneTimeCodes.HashCode(command.Phone, command.Code))
        {
            session.Update(OneTimeCodes.Wrong(issued, clock.Today()));
            return Refused();
        }

        // Used up by a versioned update, so a second use racing this one fails; the record keeps the day's counts.
        session.Update(issued with { CodeHash = null, ExpiresAt = DateTimeOffset.MinValue });
        // A code sent before the household changed its number signs nobody in with the old one.
        var household = await session.LoadAsync<Household>(issued.HouseholdId!.Value, ct);
        return household?.Phone == command.Phone ? Results.Ok(Issue(issuer, household)) : Refused();
    }

    public static ResidentSignedIn Issue(TokenIssuer issuer, Household household) => new(
        issuer.Issue(new Actor($"resident-{household.Id:N}", Roles.Resident, HouseholdId: household.Id, SignInStamp: household.PhoneChanges), AccessLifetime),
        "Bearer", (int)AccessLifetime.TotalSeconds, household.Id);

    private static IResult Refused() => Results.Problem(Problem.For(ProblemCodes.CodeInvalid));
}
