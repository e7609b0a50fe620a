using PointsLedger.Printing;
using System.Globalization;
using System.Net;
using System.Text;
using PointsLedger.Ledger;

namespace PointsLedger.Reports;

/// <summary>The township report as a page with bar charts (inline SVG, nothing to load), zh-CN.</summary>
public static class SummaryPage
{
    private const int Width = 720;

    public static string Render(SummaryReport report)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(report.Township ?? "全部街道")}} 积分汇总 {{report.From}} 至 {{report.To}}</title>
            <style>
              body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 1.5em; color: #222; max-width: {{Width + 40}}px; }
              h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.6em; }
              table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: 2px 8px; text-align: right; } td.text, th.text { text-align: left; }
              .flag { color: #b71c1c; font-weight: bold; }
              svg text { font-size: 12px; }
            </style>
            </head>
            <body>
            <h1>{{E(report.Township ?? "全部街道")}} 五色积分汇总（{{report.From}} 至 {{report.To}}）</h1>
            <p>参与率 {{Percent(report.Overall.Rate)}}（{{report.Overall.Participating}} / {{report.Overall.Households}} 户有得分）</p>
            <h2>各村发放积分（按颜色）</h2>
            """);
        html.Append(StackedBars(report.Granted.GroupBy(g => g.VillageCode).Select(g => (g.First().Village, Sum(g.Select(x => x.Earned)))).ToList()));
        html.Append("<h2>每月发放积分（按颜色）</h2>");
        html.Append(StackedBars(report.Granted.GroupBy(g => g.Month).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, Sum(g.Select(x => x.Earned)))).ToList()));
        html.Append("<h2>各村参与率</h2>");
        html.Append(Bars(report.Participation.Select(p => (p.Village, (double)p.Rate, Percent(p.Rate))).ToList(), 1, "#2e7d32"));
        html.Append("<h2>商户兑换积分</h2>");
        html.Append(Bars(report.Redeemed.Select(r => (r.Merchant, (double)r.Points, $"{r.Points} 分 / {r.CashValue:0.00} 元 / {r.Redemptions} 笔")).ToList(),
            Math.Max(1, report.Redeemed.Select(r => r.Points).DefaultIfEmpty(0).Max()), "#1565c0"));
        html.Append("<h2>最常用的细则</h2><table><tr><th class=\"text\">村（社区）</th><th class=\"text\">细则</th><th>次数</th><th>积分</th></tr>");
        foreach (var r in report.TopRules) html.Append($"<tr><td class=\"text\">{E(r.Village)}</td><td class=\"text\">{E(r.Title)}</td><td>{r.Awards}</td><td>{r.Points}</td></tr>");
        html.Append("</table><h2>评分人集中度（人情分提示：前五户所占比例）</h2><table><tr><th class=\"text\">评分人</th><th>加分次数</th><th>涉及户数</th><th>前五户次数</th><th>前五户占比</th></tr>");
        foreach (var a in report.Assessors)
        {
            var flagged = a.Awards >= 10 && a.TopFiveShare >= 0.5m;
            html.Append($"<tr><td class=\"text\">{E(a.Assessor)}</td><td>{a.Awards}</td><td>{a.Households}</td><td>{a.TopFiveAwards}</td><td{(flagged ? " class=\"flag\"" : "")}>{Percent(a.TopFiveShare)}{(flagged ? " 需关注" : "")}</td></tr>");
        }
        html.Append("</table></body></html>");
        return html.ToString();
    }

    private static ColorTotals Sum(IEnumerable<ColorTotals> totals) => totals.Aggregate(ColorTotals.Zero, (sum, t) => sum.Plus(t));

    private static string StackedBars(IReadOnlyList<(string Label, ColorTotals Totals)> rows)
    {
        var max = Math.Max(1, rows.Select(r => r.Totals.Total).DefaultIfEmpty(0).Max());
        var svg = new StringBuilder($"""<svg width="{Width}" height="{rows.Count * 22 + 24}" role="img">""");
        svg.Append(string.Concat(ColorStyles.All.Select((c, i) =>
            $"""<rect x="{140 + i * 90}" y="2" width="12" height="12" fill="{c.Ink}"/><text x="{156 + i * 90}" y="13">{c.Short} {c.Name}</text>""")));
        for (var i = 0; i < rows.Count; i++)
        {
            var y = 24 + i * 22;
            svg.Append($"""<text x="0" y="{y + 14}">{E(rows[i].Label)}</text>""");
            var x = 140.0;
            foreach (var style in ColorStyles.All)
            {
                var w = (Width - 220) * (double)rows[i].Totals.Of(style.Color) / max;
                if (w > 0) svg.Append($"""<rect x="{N(x)}" y="{y}" width="{N(w)}" height="16" fill="{style.Ink}"/>""");
                x += w;
            }
            svg.Append($"""<text x="{N(x + 6)}" y="{y + 13}">{rows[i].Totals.Total}</text>""");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Bars(IReadOnlyList<(string Label, double Value, string Caption)> rows, double max, string fill)
    {
        var svg = new StringBuilder($"""<svg width="{Width}" height="{rows.Count * 22 + 4}" role="img">""");
        for (var i = 0; i < rows.Count; i++)
        {
            var y = 2 + i * 22;
            var w = (Width - 360) * rows[i].Value / max;
            svg.Append($"""<text x="0" y="{y + 14}">{E(rows[i].Label)}</text><rect x="140" y="{y}" width="{N(w)}" height="16" fill="{fill}"/><text x="{N(146 + w)}" y="{y + 13}">{E(rows[i].Caption)}</text>""");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Percent(decimal rate) => rate.ToString("P1", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
