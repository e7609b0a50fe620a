using System.Globalization;

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
}
