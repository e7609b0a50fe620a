using System.Security.Claims;
using PointsLedger.Problems;

namespace PointsLedger.Auth;

/// <summary>
/// Who is making the request, read from the bearer token. <see cref="HouseholdId"/> is, for staff,
/// the household they belong to (the favour-points guard), and for residents their own.
/// <see cref="Township"/> limits township roles (admin, auditor) to one township; none means all.
/// <see cref="SignInStamp"/>, on a resident's token, ends it when the household's phone changes.
/// </summary>
public sealed record Actor(
    string Id, string Role, Guid? VillageId = null, Guid? MerchantId = null, Guid? HouseholdId = null, string? Township = null, int? SignInStamp = null)
{
    public static Actor From(ClaimsPrincipal user) => new(
        user.FindFirstValue(LedgerClaims.Subject) ?? throw new Refusal(ProblemCodes.Unauthorized),
        user.FindFirstValue(LedgerClaims.Role) ?? throw new Refusal(ProblemCodes.Unauthorized),
        GuidClaim(user, LedgerClaims.VillageId),
        GuidClaim(user, LedgerClaims.MerchantId),
        GuidClaim(user, LedgerClaims.HouseholdId),
        user.FindFirstValue(LedgerClaims.Township));

    public Actor MustBe(params string[] roles) =>
        roles.Contains(Role) ? this : throw new Refusal(ProblemCodes.Forbidden);

    /// <summary>Village staff act only in their own village; township roles act everywhere.</summary>
    public Actor MustActIn(Guid villageId) =>
        Role is Roles.Cadre or Roles.Approver && VillageId != villageId ? throw new Refusal(ProblemCodes.OutOfScope) : this;

    public Actor MustActInTownship(string township) =>
        Township is not null && Township != township ? throw new Refusal(ProblemCodes.OutOfScope) : this;

    private static Guid? GuidClaim(ClaimsPrincipal user, string type) =>
        Guid.TryParse(user.FindFirstValue(type), out var id) ? id : null;
}
