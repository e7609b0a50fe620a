using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using PointsLedger.Households;
using PointsLedger.Http;
using Wolverine;
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
    /// <summary>
    /// 发送验证码 to a phone registered for a household. The answer, and the work behind it, are the same
    /// whether or not the phone is registered or its daily budget is spent, so it cannot be used to find
    /// out who lives in the village. The SMS leaves through the outbox after the commit.
    /// </summary>
    [WolverinePost("/api/auth/resident/code"), Tags("Auth"), AllowAnonymous, EnableRateLimiting(RateLimits.OneTimeCode)]
    public static async Task<(CodeRequested, OutgoingMessages)> Post(
        RequestCode command, IDocumentSession session, CodeSeal seal, TimeProvider clock, CancellationToken ct)
    {
        var household = await session.Query<Household>().Where(h => h.Phone == command.Phone).OrderBy(h => h.Id)
            .Select(h => h.Id).FirstOrDefaultAsync(ct);
        Guid? householdId = household == Guid.Empty ? null : household;
        var current = await session.LoadAsync<OneTimeCode>(OneTimeCodes.KeyFor(command.Phone), ct);
        var code = OneTimeCodes.NewCode();
        var issued = OneTimeCodes.Issue(current, command.Phone, householdId, code, clock.GetUtcNow(), clock.Today());
        var outgoing = new OutgoingMessages();
        if (issued is not null)
        {
            session.Store(issued);
            outgoing.Add(new SendOneTimeCode(seal.Seal(command.Phone, householdId is null ? null : code)));
        }
        return (new CodeRequested((int)OneTimeCodes.Lifetime.TotalSeconds), outgoing);
    }
}
