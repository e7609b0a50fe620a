using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PointsLedger.Problems;

namespace PointsLedger.Auth;

/// <summary>
/// A printable page (a notice sheet, a statement, a roster) opened in a new tab or by the browser's
/// print dialog carries no bearer header. A print link carries, in <c>?print=</c>, a token of the
/// caller's own claims that opens that one path, with GET only, for five minutes: it grants nothing the
/// caller could not read, no cookie is set (so no request can be forged with it), and the API's bearer
/// scheme refuses it.
/// </summary>
public static partial class PrintLinks
{
    public const string Scheme = "PrintLink";
    public const string Parameter = "print";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    [GeneratedRegex("""
        ^/api/(
          villages/[0-9a-f-]{36}/notices/[0-9]{4}-[0-9]{2}\.(html|pdf|xlsx|csv)
        | villages/[0-9a-f-]{36}/households\.xlsx
        | villages/[0-9a-f-]{36}/cards\.pdf
        | households/[0-9a-f-]{36}/card
        | merchants/[0-9a-f-]{36}/statements/[0-9]{4}-[0-9]{2}\.(xlsx|csv)
        | statements/[0-9]{4}-[0-9]{2}\.(xlsx|csv)
        | reports/summary
        | imports/[0-9a-f-]{36}/report\.xlsx
        | imports/templates/(households|awards)\.xlsx
        )\z
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    public static partial Regex Printable();

    public static bool Carries(HttpRequest request) => request.Query.ContainsKey(Parameter);
}

public sealed class PrintLinkHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SymmetricSecurityKey key)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HttpMethods.IsGet(Request.Method)) return AuthenticateResult.Fail("A print link only reads.");
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(
            Request.Query[PrintLinks.Parameter].ToString(), TokenIssuer.ValidationParameters(key, TokenIssuer.PrintAudience));
        if (!validated.IsValid) return AuthenticateResult.Fail("The print link is not valid or has run out.");
        var path = validated.ClaimsIdentity.FindFirst(TokenIssuer.PathClaim)?.Value;
        if (!string.Equals(path, Request.Path.Value, StringComparison.Ordinal)) return AuthenticateResult.Fail("The print link is for another page.");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(validated.ClaimsIdentity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problem.WriteAsync(Context, Problem.For(ProblemCodes.PrintLinkInvalid));
}
