using System.Security.Claims;
using FluentValidation;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Auth;

/// <param name="Path">The printable page, e.g. <c>/api/villages/{id}/notices/2026-10.pdf</c>, with its query if any (<c>?paper=a3</c>).</param>
public sealed record CreatePrintLink(string Path)
{
    public sealed class Validator : AbstractValidator<CreatePrintLink>
    {
        public Validator() => RuleFor(x => x.Path).NotEmpty().MaximumLength(500);
    }
}

public sealed record PrintLink(string Url, DateTimeOffset ExpiresAt);

public static class CreatePrintLinkEndpoint
{
    /// <summary>打印链接: a link that opens one printable page for five minutes without a bearer header, with the caller's own rights.</summary>
    [WolverinePost("/api/print-links"), Tags("Auth")]
    public static PrintLink Post(CreatePrintLink command, Actor actor, ClaimsPrincipal user, TokenIssuer issuer, TimeProvider clock)
    {
        // Staff print; a resident's session ends with a phone change, which a link would outlive.
        actor.MustBe(Roles.Admin, Roles.Auditor, Roles.Cadre, Roles.Approver, Roles.Clerk);
        var parts = command.Path.Split('?', 2);
        var path = parts[0];
        if (!PrintLinks.Printable().IsMatch(path)) throw new Refusal(ProblemCodes.NotPrintable, path);
        if (parts.Length > 1 && System.Web.HttpUtility.ParseQueryString(parts[1])[PrintLinks.Parameter] is not null) throw new Refusal(ProblemCodes.NotPrintable, command.Path);
        // A link lasts no longer than the token that asked for it.
        var now = clock.GetUtcNow();
        var expires = long.TryParse(user.FindFirstValue("exp"), out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : now;
        var lifetime = TimeSpan.FromSeconds(Math.Clamp((expires - now).TotalSeconds, 1, PrintLinks.Lifetime.TotalSeconds));
        var token = issuer.IssuePrintLink(actor, path, lifetime);
        var query = parts.Length > 1 && parts[1].Length > 0 ? $"{parts[1]}&" : "";
        return new PrintLink($"{path}?{query}{PrintLinks.Parameter}={Uri.EscapeDataString(token)}", now + lifetime);
    }
}
