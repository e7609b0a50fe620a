using System.Globalization;
using PointsLedger.Households;

namespace PointsLedger.Notices;

public enum Paper { A4, A3 }

/// <summary>What the printed sheet says the same way on the page (<see cref="NoticeBoardPage"/>) and in the PDF.</summary>
public static class NoticeBoard
{
    /// <summary>The public check of this sheet, for its QR code.</summary>
    public static string VerifyUrl(NoticeContent content, string digest, string baseUrl) =>
        $"{baseUrl.TrimEnd('/')}/verify?village={Uri.EscapeDataString(content.VillageCode)}&month={content.Month}&digest={digest[..16]}";

    public static string ShortDigest(string digest) => string.Join(' ', digest[..16].Chunk(4).Select(c => new string(c)));

    public static string MonthTitle(string month) => $"{month[..4]}年{int.Parse(month[5..], CultureInfo.InvariantCulture)}月";

    public static string KindName(string kind) => kind switch { "award" => "加分", "deduction" => "扣分", _ => "撤销" };

    public const string IndividualsTitle = "个人积分（网格员、志愿者等）";

    /// <summary>How many the sheet posts: 公示 12 户, and the individuals where there are any.</summary>
    public static string Posted(NoticeTotals totals) =>
        totals.Individuals is { } individuals ? $"{totals.Households} 户、个人 {individuals} 人" : $"{totals.Households} 户";

    /// <summary>An entry's points, with the hours they are for.</summary>
    public static string PointsOf(NoticeEntry entry) => entry.Quantity is { } hours ? $"{entry.Points}（{hours} 小时）" : $"{entry.Points}";

    /// <summary>A line's number cell: an individual's says what kind of account it is.</summary>
    public static string NumberOf(NoticeLine line) => line.Kind is { } kind ? $"{line.HouseholdNo} {kind.Label()}" : line.HouseholdNo;
}
