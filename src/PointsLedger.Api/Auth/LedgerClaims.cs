using Microsoft.IdentityModel.JsonWebTokens;

namespace PointsLedger.Auth;

public static class LedgerClaims
{
    public const string Subject = JwtRegisteredClaimNames.Sub;
    public const string Role = "role";
    public const string VillageId = "villageId";
    public const string MerchantId = "merchantId";
    public const string HouseholdId = "householdId";
    public const string Township = "township";

    /// <summary>On a resident's token: how many times the household's phone had changed when it was issued.</summary>
    public const string SignInStamp = "signInStamp";
}
