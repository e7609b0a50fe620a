using PointsLedger.Auth;
using PointsLedger.Ledger;

namespace PointsLedger.Households;

/// <summary>
/// A household as its reader may see it: the ID number always masked; the head's full name and phone
/// only for the household itself, its village's staff and township admins; the card number, which with
/// six ID characters spends the household's points, only for the household, its village's cadres and admins.
/// </summary>
/// <param name="Status"><c>active</c>, or <c>pending</c> / <c>removal-pending</c> while an approver has not decided.</param>
public sealed record MemberView(Guid MemberId, string Name, string Relation, string IdNumber, string Status);

public sealed record HouseholdView(
    Guid HouseholdId, Guid VillageId, string HouseholdNo, string HeadName, string IdNumber, string? Phone, string? Grid, string? CardNo,
    ColorTotals Available, ColorTotals Earned, IReadOnlyList<MemberView> Members, HouseholdStatus Status, DateOnly? MovedOutOn, AccountKind Kind)
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
        return new(h.Id, h.VillageId, h.HouseholdNo, personal ? h.HeadName : PersonName.Mask(h.HeadName), Households.IdNumber.Mask(h.IdNumberMasked),
            personal ? h.Phone : null, h.Grid, reader.MayHoldCardOf(h) ? h.CardNo : null, h.Available, h.Earned,
            h.Members.Where(m => !h.MemberChanges.ContainsKey(m.MemberId)).Select(m => (Member: m, Status: "active"))
                .Concat(h.MemberChanges.Values.Select(c => (c.Member, Status: c.Removal ? "removal-pending" : "pending")))
                .Select(m => new MemberView(m.Member.MemberId, personal ? m.Member.Name : PersonName.Mask(m.Member.Name), m.Member.Relation,
                    Households.IdNumber.Mask(m.Member.IdNumberMasked), m.Status))
                .ToList(),
            h.Status, h.MovedOutOn, h.Kind);
    }
}

public sealed record Balance(Guid HouseholdId, AccountKind Kind, ColorTotals Available, ColorTotals Earned);
