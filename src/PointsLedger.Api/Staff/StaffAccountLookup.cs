using JasperFx.Events;
using PointsLedger.Auth;
using PointsLedger.Problems;

namespace PointsLedger.Staff;

public static class StaffAccountLookup
{
    /// <summary>The account of a locked stream, for admins; a township's admin manages only that township's accounts.</summary>
    public static StaffAccount MayManage(this Actor admin, IEventStream<StaffAccount> stream)
    {
        admin.MustBe(Roles.Admin);
        return stream.Aggregate is { } account && (admin.Township is null || account.Township == admin.Township)
            ? account
            : throw new Refusal(ProblemCodes.StaffNotFound, stream.Id);
    }
}
