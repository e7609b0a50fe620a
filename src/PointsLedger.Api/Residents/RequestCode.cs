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
        // A household that moved out keeps its phone for reading its history, unless one still living here has it now.
        var households = await session.Query<Household>().Where(h => h.Phone == command.Phone)
            .Select(h => new PhoneHolder(h.Id, h.MovedOutOn)).ToListAsync(ct);
        Guid? householdId = households.OrderBy(h => h.MovedOutOn is not null).ThenBy(h => h.Id).Select(h => (Guid?)h.Id).FirstOrDefault();
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

internal sealed record PhoneHolder(Guid Id, DateOnly? MovedOutOn);
