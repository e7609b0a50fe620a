namespace PointsLedger.Households;

/// <summary>A mainland China mobile number: 11 digits starting 13–19.</summary>
public static class PhoneNumber
{
    public const string Pattern = "^1[3-9][0-9]{9}$";
    public const string Message = "手机号码应为11位";
    public const string MessageEn = "A mobile number has 11 digits, starting 13 to 19";
}
