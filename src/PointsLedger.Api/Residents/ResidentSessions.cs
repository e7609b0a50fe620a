using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using PointsLedger.Auth;
using PointsLedger.Households;

namespace PointsLedger.Residents;

/// <summary>
/// A resident signs in with the household's phone, so a new phone ends every session the old one opened:
/// a resident's token carries the household's phone-change count at issue, and a token whose count is
/// behind is refused (401) on its next request.
/// </summary>
public static class ResidentSessions
{
    public static void EndResidentSessionsWhenThePhoneChanges(this IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options => options.Events.OnTokenValidated = CheckAsync);

    private static async Task CheckAsync(TokenValidatedContext context)
    {
        var resident = context.Principal!;
        if (resident.FindFirstValue(LedgerClaims.Role) != Roles.Resident
            || !Guid.TryParse(resident.FindFirstValue(LedgerClaims.HouseholdId), out var householdId)) return;

        var stamp = int.TryParse(resident.FindFirstValue(LedgerClaims.SignInStamp), out var issued) ? issued : 0;
        var session = context.HttpContext.RequestServices.GetRequiredService<IQuerySession>();
        var current = await session.Query<Household>().Where(h => h.Id == householdId).Select(h => h.PhoneChanges).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current != stamp) context.Fail("The household's phone has changed since this token was issued.");
    }
}
