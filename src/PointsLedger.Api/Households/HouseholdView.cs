using PointsLedger.Ledger;

namespace PointsLedger.Households;

/// <summary>A household as staff see it: the ID number only masked.</summary>
public sealed record HouseholdView(
    Guid HouseholdId, Guid VillageId, string HouseholdNo, string HeadName, string IdNumber, string? Phone, string? Grid, string CardNo,
    ColorTotals Available, ColorTotals Earned)
{
    public static HouseholdView From(Household h) =>
        new(h.Id, h.VillageId, h.HouseholdNo, h.HeadName, h.IdNumberMasked, h.Phone, h.Grid, h.CardNo, h.Available, h.Earned);
}

public sealed record Balance(Guid HouseholdId, ColorTotals Available, ColorTotals Earned);
