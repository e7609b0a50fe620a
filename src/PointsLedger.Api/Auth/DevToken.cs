using FluentValidation;
using PointsLedger.Http;

namespace PointsLedger.Auth;

/// <summary>Development sign-in: any role, any scope. The route is not mapped outside Development.</summary>
public sealed record DevTokenRequest(string Role, Guid? VillageId, Guid? MerchantId, Guid? HouseholdId, string? UserId, string? Township)
{
    public sealed class Validator : AbstractValidator<DevTokenRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Role).Must(role => Roles.All.Contains(role)).WithMessage($"role 必须是 {string.Join("/", Roles.All)} 之一", $"role must be one of {string.Join("/", Roles.All)}");
            RuleFor(x => x.VillageId).NotNull().When(x => x.Role is Roles.Cadre or Roles.Approver);
            RuleFor(x => x.MerchantId).NotNull().When(x => x.Role == Roles.Clerk);
            RuleFor(x => x.HouseholdId).NotNull().When(x => x.Role == Roles.Resident);
            RuleFor(x => x.UserId).MaximumLength(64);
        }
    }
}

public sealed record DevTokenResponse(string AccessToken, string TokenType, int ExpiresIn, string UserId);

public static class DevTokenEndpoint
{
    public static void MapDevToken(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return;
        app.MapPost("/api/auth/dev-token", (DevTokenRequest request, TokenIssuer issuer) =>
            {
                new DevTokenRequest.Validator().ValidateAndThrow(request);
                var actor = new Actor(request.UserId ?? $"dev-{request.Role}-{Guid.NewGuid():N}"[..24], request.Role,
                    request.VillageId, request.MerchantId, request.HouseholdId, request.Township);
                var lifetime = TimeSpan.FromHours(8);
                return Results.Ok(new DevTokenResponse(issuer.Issue(actor, lifetime), "Bearer", (int)lifetime.TotalSeconds, actor.Id));
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.DevToken)
            .WithTags("Auth")
            .WithName("POST_api_auth_dev_token")
            .WithSummary("开发环境登录（仅 Development）")
            .WithDescription("Any role and scope, for trying the API out; the route does not exist in any other environment.")
            .Produces<DevTokenResponse>();
    }
}
