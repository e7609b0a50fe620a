using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using PointsLedger.Problems;

namespace PointsLedger.Auth;

public static class AuthSetup
{
    /// <summary>A bearer token in the header, or, on a printable page, a print link (<see cref="PrintLinks"/>).</summary>
    private const string SignedIn = "SignedIn";

    /// <summary>JWT bearer; every Wolverine endpoint requires a signed-in caller (see Program), health and dev sign-in do not.</summary>
    public static void AddLedgerAuth(this WebApplicationBuilder builder)
    {
        var key = new SymmetricSecurityKey(LocalSecrets.Resolve(builder.Configuration, "Auth:SigningKey", "jwt-signing-key", builder.Environment));
        builder.Services.AddSingleton(new TokenIssuer(key, TimeProvider.System));
        builder.Services.AddSingleton(key);
        builder.Services.AddAuthentication(SignedIn)
            .AddPolicyScheme(SignedIn, null, options => options.ForwardDefaultSelector = context =>
                PrintLinks.Carries(context.Request) ? PrintLinks.Scheme : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, PrintLinkHandler>(PrintLinks.Scheme, null)
            .AddJwtBearer(options =>
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
