namespace PointsLedger.Ledger;

/// <summary>The five colours of 五色积分; every grant carries exactly one.</summary>
public enum PointColor
{
    Red,    // 党的建设
    Purple, // 基层治理
    Orange, // 乡风文明
    Green,  // 生态环境
    Blue,   // 产业振兴
}
