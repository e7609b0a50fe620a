using System.Globalization;

namespace PointsLedger.Notices;

/// <summary>What the public check says, in the reader's language (Accept-Language: zh-CN by default, or en).</summary>
public static class VerifyMessages
{
    public static readonly (string Chinese, string English) NoticeNotFound = ("未找到该村该月的公示。", "No notice was posted for this village and month.");
    public static readonly (string Chinese, string English) SheetMatches = ("核验通过：此公示与账本记录一致。", "Verified: this sheet matches the ledger's notice.");
    public static readonly (string Chinese, string English) SheetDiffers = ("核验未通过：摘要与账本记录不符，此公示可能被改动。", "Not verified: the digest differs from the ledger's; this sheet may have been altered.");
    public static readonly (string Chinese, string English) LineNotFound = ("户号与核验码不匹配，未找到这一行。", "No line has this household number and proof code.");
    public static readonly (string Chinese, string English) LineOnSheet = ("本户这一行在公示中，请与公示栏上的数字核对。", "This household's line is on the notice; compare it with the figures on the board.");
    public static readonly (string Chinese, string English) LineNotOnSheet = ("本户这一行与公示不符。", "This household's line does not match the notice.");
    public static readonly (string Chinese, string English) HouseholdNotOnNotice = ("公示中没有这一户。", "This household is not on the notice.");
    public static readonly (string Chinese, string English) PrintedLineMatches = ("核验通过：这一行在公示中，数据未被改动。", "Verified: this line is on the notice, unchanged.");
    public static readonly (string Chinese, string English) PrintedLineDiffers = ("核验未通过：这一行与公示不符。", "Not verified: this line does not match the notice.");

    private static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    public static string Text(this (string Chinese, string English) message) => Chinese ? message.Chinese : message.English;

    /// <summary>A second sentence after the first: Chinese runs on, English takes a space.</summary>
    public static string Then(this string first, (string Chinese, string English) next) => Chinese ? first + next.Chinese : $"{first} {next.English}";
}
