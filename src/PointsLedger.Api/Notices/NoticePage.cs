using PointsLedger.Printing;
using System.Globalization;
using System.Net;
using System.Text;
using PointsLedger.PaymentCodes;

namespace PointsLedger.Notices;

public enum Paper { A4, A3 }

/// <summary>
/// The sheet for the village notice board (村务公开栏): landscape A4 or A3, households in two columns
/// when there are more than 30, colour columns tinted and labelled so a black-and-white photocopy still
/// reads, the month's grants and deductions from the second page, and a QR code to the public check.
/// </summary>
public static class NoticePage
{
    /// <summary>The public check of this sheet, for its QR code.</summary>
    public static string VerifyUrl(NoticeContent content, string digest, string baseUrl) =>
        $"{baseUrl.TrimEnd('/')}/verify?village={Uri.EscapeDataString(content.VillageCode)}&month={content.Month}&digest={digest[..16]}";

    public static string ShortDigest(string digest) => string.Join(' ', digest[..16].Chunk(4).Select(c => new string(c)));

    public static string Render(NoticeView notice, string verifyUrl, Paper paper)
    {
        var scale = paper == Paper.A3 ? 1.4 : 1.0;
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>{{E(notice.VillageName)}} {{notice.Month}} 积分公示</title>
            <style>
              @page { size: {{paper}} landscape; margin: 8mm; }
              body { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-size: {{F(8.5 * scale)}}pt; color: #000; }
              header { display: flex; justify-content: space-between; align-items: flex-start; margin-bottom: 2mm; }
              h1 { font-size: {{F(16 * scale)}}pt; margin: 0 0 1mm; }
              .meta, .legend, footer { font-size: {{F(8 * scale)}}pt; }
              .qr { text-align: center; font-size: {{F(7 * scale)}}pt; }
              .qr svg { width: {{F(22 * scale)}}mm; height: {{F(22 * scale)}}mm; display: block; }
              .columns { display: flex; gap: 3mm; }
              table { border-collapse: collapse; table-layout: fixed; width: 100%; }
              th, td { border: 0.2mm solid #000; padding: 0.2mm 0.8mm; text-align: right; white-space: nowrap; overflow: hidden; }
              th { font-weight: bold; }
              td.text, th.text { text-align: left; }
              td.code { font-family: "DejaVu Sans Mono", monospace; letter-spacing: 0.2mm; }
              footer { margin-top: 2mm; }
              .entries { break-before: page; }
              .entries h2 { font-size: {{F(12 * scale)}}pt; margin: 0 0 2mm; }
            """);
        foreach (var style in ColorStyles.All) html.Append($"  .{style.CssClass} {{ background: {style.Tint}; }}\n");
        html.Append($$"""
            </style>
            </head>
            <body>
            <header>
              <div>
                <h1>{{E(notice.Township)}} {{E(notice.VillageName)}} {{MonthTitle(notice.Month)}} 五色积分公示</h1>
                <div class="meta">公示 {{notice.Households.Count}} 户　异议截止 {{notice.ObjectionDeadline:yyyy年M月d日}}　摘要 {{ShortDigest(notice.Digest)}}</div>
                <div class="legend">{{string.Join("　", ColorStyles.All.Select(c => $"{c.Short}：{c.Name}"))}}　本月：本月所得　累计：本年累计　兑换：本月兑换　可用：月末可用积分　排名按本年累计</div>
              </div>
              <div class="qr">{{PaymentCodeImages.Svg(verifyUrl)}}扫码核验</div>
            </header>
            <div class="columns">
            """);
        var perColumn = notice.Households.Count > 30 ? (notice.Households.Count + 1) / 2 : Math.Max(notice.Households.Count, 1);
        foreach (var column in notice.Households.Chunk(perColumn)) AppendHouseholds(html, column);
        var t = notice.Totals;
        html.Append($$"""
            </div>
            <footer>
              合计：{{string.Join("　", ColorStyles.All.Select(c => $"{c.Short} {t.Earned.Of(c.Color)}"))}}　本月合计 {{t.Earned.Total}} 分　本月兑换 {{t.Spent}} 分　共 {{t.Households}} 户。
              如有异议，请于 {{notice.ObjectionDeadline:yyyy年M月d日}} 前通过小程序或到村委会提出。完整摘要 {{notice.Digest}}
            </footer>
            <section class="entries">
              <h2>{{MonthTitle(notice.Month)}} 加分、扣分明细（{{notice.Entries.Count}} 条）</h2>
              <table>
                <colgroup><col style="width:8mm"><col style="width:14mm"><col style="width:12mm"><col><col style="width:14mm"><col style="width:12mm"><col style="width:22mm"></colgroup>
                <thead><tr><th>序号</th><th class="text">户号</th><th class="text">类型</th><th class="text">细则</th><th class="text">颜色</th><th>分值</th><th>日期</th></tr></thead>
                <tbody>
            """);
        foreach (var entry in notice.Entries)
        {
            var color = ColorStyles.Of(entry.Color);
            html.Append($"""      <tr><td>{entry.EntryNo}</td><td class="text">{E(entry.HouseholdNo)}</td><td class="text">{KindName(entry.Kind)}</td><td class="text">{E(entry.RuleTitle)}</td><td class="text {color.CssClass}">{color.Short}</td><td>{entry.Points}</td><td>{entry.OccurredOn:yyyy-MM-dd}</td></tr>""");
            html.Append('\n');
        }
        html.Append("""
                </tbody>
              </table>
            </section>
            </body>
            </html>
            """);
        return html.ToString();
    }

    private static void AppendHouseholds(StringBuilder html, IEnumerable<NoticeLine> lines)
    {
        html.Append("""
              <table>
                <colgroup><col style="width:9mm"><col style="width:11mm"><col style="width:8mm"><col style="width:8mm"><col style="width:8mm"><col style="width:8mm"><col style="width:8mm"><col style="width:9mm"><col style="width:10mm"><col style="width:9mm"><col style="width:10mm"><col style="width:8mm"><col style="width:17mm"></colgroup>
                <thead><tr><th class="text">户号</th><th class="text">户主</th>
            """);
        foreach (var style in ColorStyles.All) html.Append($"""<th class="{style.CssClass}">{style.Short}</th>""");
        html.Append("<th>本月</th><th>累计</th><th>兑换</th><th>可用</th><th>排名</th><th class=\"text\">核验码</th></tr></thead>\n    <tbody>\n");
        foreach (var line in lines)
        {
            html.Append($"""      <tr><td class="text">{E(line.HouseholdNo)}</td><td class="text">{E(line.Name)}</td>""");
            foreach (var style in ColorStyles.All) html.Append($"""<td class="{style.CssClass}">{line.Earned.Of(style.Color)}</td>""");
            html.Append($"""<td>{line.Earned.Total}</td><td>{line.YearToDate.Total}</td><td>{line.Spent}</td><td>{line.Available}</td><td>{line.Rank}</td><td class="text code">{line.ProofCode}</td></tr>""");
            html.Append('\n');
        }
        html.Append("    </tbody>\n  </table>\n");
    }

    public static string MonthTitle(string month) => $"{month[..4]}年{int.Parse(month[5..], CultureInfo.InvariantCulture)}月";

    public static string KindName(string kind) => kind switch { "award" => "加分", "deduction" => "扣分", _ => "撤销" };

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
