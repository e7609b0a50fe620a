using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Staff;

public sealed record SignIn(string Login, string Password)
{
    public sealed class Validator : AbstractValidator<SignIn>
    {
        public Validator()
        {
            RuleFor(x => x.Login).NotEmpty().MaximumLength(64);
            RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
        }
    }
}

public static class SignInEndpoint
{
    /// <summary>
    /// 工作人员登录. A wrong password is recorded (it counts towards the lockout) and answered with the
    /// same problem as an unknown login, a locked or a disabled account, so the answer does not tell which
    /// logins exist. A good sign-in tells the owner of the wrong passwords and lockout since the last one.
    /// </summary>
    [WolverinePost("/api/auth/sign-in"), Tags("Auth"), AllowAnonymous, EnableRateLimiting(RateLimits.SignIn), ProducesResponseType<SignedIn>(200)]
    public static async Task<IResult> Post(
        SignIn command, IDocumentSession session, IPasswordHasher<StaffAccount> hasher, TokenIssuer issuer, TimeProvider clock, CancellationToken ct)
    {
        var accountId = await session.Query<StaffAccount>().Where(a => a.Login == command.Login).Select(a => a.Id).FirstOrDefaultAsync(ct);
        if (accountId == Guid.Empty)
        {
            // Hashing as for a real account keeps an unknown login from answering sooner.
            hasher.VerifyHashedPassword(null!, UnknownLoginHash, command.Password);
            return Failed();
        }

        var stream = await session.Events.FetchForExclusiveWriting<StaffAccount>(accountId, ct);
        var account = stream.Aggregate!;
        var matches = hasher.VerifyHashedPassword(account, account.PasswordHash, command.Password) != PasswordVerificationResult.Failed;
        var refreshToken = StaffTokens.NewRefreshToken(account.Id);

        var outcome = SignInDecisions.SignIn(account, matches, StaffTokens.Hash(refreshToken), clock.GetUtcNow());
        if (outcome.Failed is { } failed) stream.AppendOne(failed);
        if (outcome.SignedIn is not { } signedIn) return Failed();
        stream.AppendOne(signedIn);
        return Results.Ok(StaffTokens.Issue(issuer, account, refreshToken) with
        {
            FailedSignInsSinceLast = account.FailedSinceSignIn,
            LockedUntil = account.LockedSinceSignIn,
        });
    }

    private static readonly string UnknownLoginHash = new PasswordHasher<StaffAccount>().HashPassword(null!, "no account has this password");

    private static IResult Failed() => Results.Problem(Problem.For(ProblemCodes.SignInFailed));
}
