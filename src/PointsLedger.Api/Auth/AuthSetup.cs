using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using PointsLedger.Problems;

namespace PointsLedger.Auth;

public static class AuthSetup
{
    /// <summary>JWT bearer; every Wolverine endpoint requires a signed-in caller (see Program), health and dev sign-in do not.</summary>
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
                    await Problem.WriteAsync(context.HttpContext, Problem.For(ProblemCodes.Unauthorized));
                },
            };
        });
        builder.Services.AddAuthorization();
    }
}
