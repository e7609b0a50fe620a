namespace PointsLedger.Auth;

public static class Roles
{
    public const string Admin = "admin";
    public const string Cadre = "cadre";
    public const string Approver = "approver";
    public const string Clerk = "clerk";
    public const string Resident = "resident";
    public const string Auditor = "auditor";

    public static readonly string[] All = [Admin, Cadre, Approver, Clerk, Resident, Auditor];
}
