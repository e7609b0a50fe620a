using PointsLedger.Auth;
using PointsLedger.Households;
using PointsLedger.Merchants;
using PointsLedger.Problems;
using PointsLedger.Villages;

namespace PointsLedger.Staff;

/// <summary>What a new account points at, as loaded: its village, its merchant, a linked household and that household's village.</summary>
public sealed record StaffAccountTargets(Village? Village, Merchant? Merchant, Household? Household, Village? HouseholdVillage);

public static class StaffDecisions
{
    /// <summary>
    /// The account's township comes from what it points at (its village, its merchant), which must lie
    /// in the admin's township; a linked household must lie in the account's village, or its township.
    /// A township's admin opens accounts in that township only, and they inherit it.
    /// </summary>
    public static StaffAccountOpened Open(
        OpenStaffAccount command, StaffAccountTargets targets, bool loginTaken, Guid accountId, string passwordHash, Actor admin)
    {
        admin.MustBe(Roles.Admin);
        var township = targets.Merchant?.Township ?? targets.Village?.Township ?? command.Township ?? admin.Township;
        if (township is not null) admin.MustActInTownship(township);
        if (command.Township is not null && command.Township != township) throw new Refusal(ProblemCodes.TownshipMismatch, command.Township);
        if (command.HouseholdId is { } householdId)
        {
            var inScope = targets.Household is { } household && (command.VillageId is { } village
                ? household.VillageId == village
                : township is null || targets.HouseholdVillage?.Township == township);
            if (!inScope) throw new Refusal(ProblemCodes.HouseholdNotFound, householdId);
        }
        if (loginTaken) throw new Refusal(ProblemCodes.LoginTaken);
        return Opened(accountId, command with { Township = township }, passwordHash, admin.Id);
    }

    public static StaffAccountOpened Opened(Guid accountId, OpenStaffAccount command, string passwordHash, string openedBy) =>
        new(accountId, command.Login, command.DisplayName, command.Role, command.VillageId, command.MerchantId, command.HouseholdId,
            command.Township, passwordHash, openedBy);
}
