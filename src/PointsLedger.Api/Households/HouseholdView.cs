using PointsLedger.Auth;
using PointsLedger.Ledger;

namespace PointsLedger.Households;

/// <summary>
/// A household as its reader may see it: the ID number always masked; the head's full name and phone
/// only for the household itself, its village's staff and township admins.
/// </summary>
public sealed record MemberView(Guid MemberId, string Name, string Relation, string IdNumber);

public sealed record HouseholdView(
    Guid HouseholdId, Guid VillageId, string HouseholdNo, string HeadName, string IdNumber, string? Phone, string? Grid, string CardNo,
    ColorTotals Available, ColorTotals Earned, IReadOnlyList<MemberView> Members)
{
    public static HouseholdView For(Household h, Actor reader)
    {
        var personal = reader.Role switch
        {
            Roles.Admin => true,
            Roles.Cadre or Roles.Approver => reader.VillageId == h.VillageId,
            Roles.Resident => reader.HouseholdId == h.Id,
            _ => false,
        };
        return new(h.Id, h.VillageId, h.HouseholdNo, personal ? h.HeadName : PersonName.Mask(h.HeadName), h.IdNumberMasked,
            personal ? h.Phone : null, h.Grid, h.CardNo, h.Available, h.Earned,
            h.Members.Select(m => new MemberView(m.MemberId, personal ? m.Name : PersonName.Mask(m.Name), m.Relation, m.IdNumberMasked)).ToList());
    }
}

public sealed record Balance(Guid HouseholdId, ColorTotals Available, ColorTotals Earned);
