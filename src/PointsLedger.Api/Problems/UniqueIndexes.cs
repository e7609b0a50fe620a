namespace PointsLedger.Problems;

public static class UniqueIndexes
{
    public const string VillageCode = "uq_village_code";
    public const string HouseholdNumber = "uq_household_village_number";
    public const string CardNumber = "uq_household_card";
    public const string StaffLogin = "uq_staff_login";
    public const string ReceiptNumber = "uq_redemption_receipt";
    public const string IdNumberClaim = "pkey_mt_doc_idnumberclaim_id";
}
