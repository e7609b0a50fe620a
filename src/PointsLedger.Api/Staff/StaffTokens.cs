using System.Buffers.Text;
using System.Security.Cryptography;
using PointsLedger.Auth;
using PointsLedger.Security;

namespace PointsLedger.Staff;

/// <summary>
/// What a signed-in staff member gets: a short-lived access token and a refresh token; and, on a sign-in
/// with the password, the wrong passwords tried since their last sign-in and the last lockout they caused.
/// </summary>
public sealed record SignedIn(
    string AccessToken, string RefreshToken, string TokenType, int ExpiresIn, int? FailedSignInsSinceLast = null, DateTimeOffset? LockedUntil = null);

public static class StaffTokens
{
    public static readonly TimeSpan AccessLifetime = TimeSpan.FromMinutes(15);

    /// <summary>"{accountId}.{secret}": the account is found from the token, and only its hash is stored.</summary>
    public static string NewRefreshToken(Guid accountId) =>
        $"{accountId:N}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";

    public static string Hash(string refreshToken) => Digest.Sha256Hex(refreshToken);

    public static Guid? AccountOf(string refreshToken) =>
        refreshToken.Split('.') is [var id, _] && Guid.TryParseExact(id, "N", out var accountId) ? accountId : null;

    public static SignedIn Issue(TokenIssuer issuer, StaffAccount account, string refreshToken) => new(
        issuer.Issue(new Actor(account.Id.ToString(), account.Role, account.VillageId, account.MerchantId, account.HouseholdId, account.Township),
            AccessLifetime),
        refreshToken, "Bearer", (int)AccessLifetime.TotalSeconds);
}
