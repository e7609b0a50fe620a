using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PointsLedger.Auth;

public sealed class TokenIssuer(SymmetricSecurityKey key, TimeProvider clock)
{
    public const string Issuer = "pointsledger";
    public const string Audience = "pointsledger-api";

    /// <summary>A print link's token: the actor's claims, for one path only, and an audience the API's bearer scheme refuses.</summary>
    public const string PrintAudience = "pointsledger-print";

    public const string PathClaim = "path";

    public string Issue(Actor actor, TimeSpan lifetime) => Issue(actor, lifetime, Audience, []);

    public string IssuePrintLink(Actor actor, string path, TimeSpan lifetime) => Issue(actor, lifetime, PrintAudience, [new(PathClaim, path)]);

    private string Issue(Actor actor, TimeSpan lifetime, string audience, KeyValuePair<string, object>[] extra)
    {
        var claims = new Dictionary<string, object>(extra)
        {
            [LedgerClaims.Subject] = actor.Id,
            [LedgerClaims.Role] = actor.Role,
        };
        if (actor.VillageId is { } village) claims[LedgerClaims.VillageId] = village.ToString();
        if (actor.MerchantId is { } merchant) claims[LedgerClaims.MerchantId] = merchant.ToString();
        if (actor.HouseholdId is { } household) claims[LedgerClaims.HouseholdId] = household.ToString();
        if (actor.Township is { } township) claims[LedgerClaims.Township] = township;
        if (actor.SignInStamp is { } stamp) claims[LedgerClaims.SignInStamp] = stamp;

        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    public static TokenValidationParameters ValidationParameters(SymmetricSecurityKey key, string audience = Audience) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = audience,
        IssuerSigningKey = key,
        NameClaimType = LedgerClaims.Subject,
        RoleClaimType = LedgerClaims.Role,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
