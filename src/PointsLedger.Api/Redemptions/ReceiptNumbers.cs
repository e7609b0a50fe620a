using System.Globalization;
using PointsLedger.Security;

namespace PointsLedger.Redemptions;

public static class ReceiptNumbers
{
    /// <summary>"20261124-7KQ3M9XD": the day, then 40 random bits; unique across receipts (an index guards it).</summary>
    public static string New(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + ReadableCodes.Random();
}
