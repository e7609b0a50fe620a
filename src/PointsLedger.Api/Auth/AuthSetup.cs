using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using PointsLedger.Problems;

namespace PointsLedger.Auth;

public static class AuthSetup
{
    /// <summary>JWT bearer on every route; health, Swagger and dev sign-in opt out explicitly.</summary>
    public static void AddLedgerAuth(this WebApplicationBuilder builder)
    {
        var key = new SymmetricSecurityKey(LocalSecrets.Resolve(builder.Configuration, "Auth:SigningKey", "jwt-signing-key", builder.Environment));
        builder.Services.AddSingleton(new TokenIssuer(key, TimeProvider.System));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = TokenIssuer.ValidationParameters(key);
            options.Events = new JwtBearerEvents
            {
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    await Problem.WriteAsync(context.HttpContext, Problem.For("unauthorized", StatusCodes.Status401Unauthorized));
                },
            };
        });
        builder.Services.AddAuthorization(options =>
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }
}
