using Marten;
using PointsLedger.Auth;
using Wolverine.Http;

namespace PointsLedger.Staff;

/// <param name="DisplayName">The account's name; none for a token that no account issued (development tokens).</param>
/// <param name="MerchantId">A clerk's merchant, whose redemptions the scanner records.</param>
public sealed record SignedInStaff(string UserId, string Role, string? DisplayName, Guid? VillageId, Guid? MerchantId, string? Township);

public static class GetSignedInStaffEndpoint
{
    /// <summary>登录的工作人员：角色，以及所在的村、商户或街道。</summary>
    [WolverineGet("/api/staff/me"), Tags("Staff")]
    public static async Task<SignedInStaff> Get(Actor actor, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Auditor, Roles.Cadre, Roles.Approver, Roles.Clerk);
        var account = Guid.TryParse(actor.Id, out var id) ? await session.LoadAsync<StaffAccount>(id, ct) : null;
        return new SignedInStaff(actor.Id, actor.Role, account?.DisplayName, actor.VillageId, actor.MerchantId, actor.Township);
    }
}
