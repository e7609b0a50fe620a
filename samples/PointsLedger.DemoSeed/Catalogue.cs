namespace PointsLedger.DemoSeed;

/// <summary>A township like 刁镇 in the seeds: 13 pilot villages and 1 community, a five-colour catalogue.</summary>
public static class Catalogue
{
    public const string Township = "刁镇街道";

    /// <summary>What a village points supermarket stocks: SKU, name, points, the yuan the township settles.</summary>
    public static readonly (string Sku, string Name, int Points, decimal CashValue)[] Goods =
    [
        ("XYF-1", "洗衣粉", 20, 8.50m), ("YG-1", "牙膏", 10, 4.00m), ("MJ-1", "毛巾", 15, 6.00m), ("SY-1", "食用油", 60, 25.00m),
    ];

    public static readonly string[] Villages =
    [
        "东刁村", "西刁村", "南刁村", "北刁村", "芽庄村", "旧军村", "茄庄村",
        "罗家村", "王家村", "李家村", "张家村", "田家村", "孙家村", "刁镇社区",
    ];

    /// <param name="Share">The share of households that earn the rule in a month.</param>
    public sealed record DemoRule(string Code, string Color, string Title, int Points, int? MonthlyCap, bool RequiresApproval, double Share);

    public static readonly DemoRule[] Rules =
    [
        new("R01", "red", "参加主题党日活动", 5, 10, false, 0.30),
        new("R02", "red", "党员先锋岗志愿服务", 3, 9, false, 0.20),
        new("R03", "red", "参加理论学习宣讲", 2, 4, false, 0.25),
        new("P01", "purple", "参与矛盾纠纷调解", 5, 10, false, 0.06),
        new("P02", "purple", "参加治安巡防", 3, 9, false, 0.22),
        new("P03", "purple", "反映社情民意被采纳", 5, null, true, 0.01),
        new("P04", "purple", "违反村规民约", -5, null, false, 0.01),
        new("O01", "orange", "孝老爱亲", 5, 5, false, 0.20),
        new("O02", "orange", "红白事简办（移风易俗）", 10, null, true, 0.01),
        new("O03", "orange", "参加志愿服务", 3, 12, false, 0.25),
        new("O04", "orange", "参加新时代文明实践活动", 2, 6, false, 0.25),
        new("O05", "orange", "不文明行为", -3, null, false, 0.02),
        new("G01", "green", "美丽庭院（庭院整洁）", 5, 5, false, 0.30),
        new("G02", "green", "垃圾分类", 2, 8, false, 0.30),
        new("G03", "green", "人居环境整治义务劳动", 3, 9, false, 0.20),
        new("G04", "green", "乱堆乱放", -5, null, false, 0.02),
        new("B01", "blue", "参加技能培训", 3, 6, false, 0.10),
        new("B02", "blue", "发展特色产业或电商", 10, null, true, 0.01),
        new("B03", "blue", "带动村民就业", 5, 10, false, 0.03),
    ];

    private const string Surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
    private const string GivenNames = "明华建国秀英玉兰志强桂芳海燕德胜春梅立新文静淑珍金凤";

    public static string HeadName(Random random) =>
        $"{Surnames[random.Next(Surnames.Length)]}{GivenNames[random.Next(GivenNames.Length)]}{GivenNames[random.Next(GivenNames.Length)]}";

    /// <summary>A valid GB 11643 ID number (region 370181, 章丘).</summary>
    public static string IdNumber(Random random)
    {
        var birth = new DateOnly(1940, 1, 1).AddDays(random.Next(365 * 60));
        var body = $"370181{birth:yyyyMMdd}{random.Next(1000):D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        return body + "10X98765432"[body.Select((c, i) => (c - '0') * weights[i]).Sum() % 11];
    }
}
