namespace PointsLedger.Auth;

public static class LedgerClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string VillageId = "villageId";
    public const string MerchantId = "merchantId";
    public const string HouseholdId = "householdId";
    public const string Township = "township";
}
