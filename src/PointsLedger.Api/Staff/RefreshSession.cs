using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using PointsLedger.Auth;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Staff;

public sealed record RefreshSession(string RefreshToken)
{
    public sealed class Validator : AbstractValidator<RefreshSession>
    {
        public Validator() => RuleFor(x => x.RefreshToken).NotEmpty().MaximumLength(128);
    }
}

public static class RefreshSessionEndpoints
{
    /// <summary>A new access token and a new refresh token; the one sent is used up.</summary>
    [WolverinePost("/api/auth/refresh"), Tags("Auth"), AllowAnonymous]
    public static async Task<SignedIn> Refresh(RefreshSession command, IDocumentSession session, TokenIssuer issuer, TimeProvider clock, CancellationToken ct)
    {
        var stream = await FetchAsync(session, command.RefreshToken, ct);
        var renewed = StaffTokens.NewRefreshToken(stream.Id);
        stream.AppendOne(SignInDecisions.Refresh(stream.Aggregate!, StaffTokens.Hash(command.RefreshToken), StaffTokens.Hash(renewed), clock.GetUtcNow()));
        return StaffTokens.Issue(issuer, stream.Aggregate!, renewed);
    }

    /// <summary>退出登录: the refresh token stops working. Signing out twice is fine.</summary>
    [WolverinePost("/api/auth/sign-out"), Tags("Auth"), AllowAnonymous, EmptyResponse]
    public static async Task SignOut(RefreshSession command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await FetchAsync(session, command.RefreshToken, ct);
        var hash = StaffTokens.Hash(command.RefreshToken);
        if (stream.Aggregate!.RefreshTokens.ContainsKey(hash)) stream.AppendOne(new StaffSignedOut(stream.Id, hash));
    }

    private static async Task<JasperFx.Events.IEventStream<StaffAccount>> FetchAsync(IDocumentSession session, string refreshToken, CancellationToken ct)
    {
        var accountId = StaffTokens.AccountOf(refreshToken) ?? throw new Refusal(ProblemCodes.RefreshTokenInvalid);
        var stream = await session.Events.FetchForExclusiveWriting<StaffAccount>(accountId, ct);
        return stream.Aggregate is null ? throw new Refusal(ProblemCodes.RefreshTokenInvalid) : stream;
    }
}
