using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PointsLedger.Households;
using PointsLedger.Http;
using Wolverine.Http;

namespace PointsLedger.Residents;

public sealed record RequestCode(string Phone)
{
    public sealed class Validator : AbstractValidator<RequestCode>
    {
        public Validator() => RuleFor(x => x.Phone).Matches(PhoneNumber.Pattern).WithMessage(PhoneNumber.Message, PhoneNumber.MessageEn);
    }
}

public sealed record CodeRequested(int ExpiresIn);

public static class RequestCodeEndpoint
{
    public static ProblemDetails Validate(RequestCode command) => Shape.Check<RequestCode, RequestCode.Validator>(command);

    /// <summary>
    /// 发送验证码 to a phone registered for a household. The answer is the same whether or not the
    /// phone is registered, so it cannot be used to find out who lives in the village.
    /// </summary>
    [WolverinePost("/api/auth/resident/code"), Tags("Auth"), AllowAnonymous, EnableRateLimiting(RateLimits.OneTimeCode)]
    public static async Task<CodeRequested> Post(
        RequestCode command, IDocumentSession session, IOneTimeCodeSender sender, TimeProvider clock, CancellationToken ct)
    {
        var household = await session.Query<Household>().Where(h => h.Phone == command.Phone).OrderBy(h => h.Id).FirstOrDefaultAsync(ct);
        if (household is not null)
        {
            var code = OneTimeCodes.NewCode();
            session.Store(new OneTimeCode(OneTimeCodes.KeyFor(command.Phone), household.Id, OneTimeCodes.HashCode(command.Phone, code),
                clock.GetUtcNow() + OneTimeCodes.Lifetime, 0));
            await sender.SendAsync(command.Phone, code, ct);
        }
        return new CodeRequested((int)OneTimeCodes.Lifetime.TotalSeconds);
    }
}
