using PointsLedger.Printing;
using SkiaSharp;

namespace PointsLedger.Notices;

/// <summary>
/// The notice sheet as PDF, drawn with SkiaSharp, whose PDF backend embeds the subset of the Chinese
/// font it uses with a ToUnicode map (so the text can be copied and searched): the same layout as the
/// HTML sheet, households in two columns across as many pages as they need, then the entries.
/// </summary>
public static class NoticePdf
{
    private const float Margin = 22;
    private const float Gap = 8;
    private static readonly (string Title, float Width, bool Text)[] HouseholdColumns =
    [
        ("户号", 30, true), ("户主", 36, true), ("红", 24, false), ("紫", 24, false), ("橙", 24, false), ("绿", 24, false), ("蓝", 24, false),
        ("本月", 28, false), ("累计", 30, false), ("兑换", 28, false), ("可用", 30, false), ("排名", 24, false), ("核验码", 60, true),
    ];
    private static readonly (string Title, float Width, bool Text)[] EntryColumns =
    [
        ("序号", 40, false), ("户号", 60, true), ("类型", 50, true), ("细则", 300, true), ("颜色", 50, true), ("分值", 50, false), ("日期", 90, false),
    ];

    public static byte[] Render(NoticeView notice, string verifyUrl, Paper paper, SKTypeface typeface)
    {
        var (width, height) = paper == Paper.A3 ? (1190.55f, 841.89f) : (841.89f, 595.28f);
        var scale = paper == Paper.A3 ? 1.4f : 1f;
        using var output = new MemoryStream();
        var pen = new PdfPen(typeface, scale);
        var pages = new List<Action<SKCanvas>>();
        var lines = notice.Households.Where(line => !line.IsIndividual).ToList();
        do
        {
            var first = pages.Count == 0;
            var top = first ? Margin + 76 * scale : Margin;
            var bottom = height - Margin - (first ? 30 * scale : 0);
            var rowHeight = Math.Clamp((bottom - top) / (Math.Min(30, (lines.Count + 1) / 2) + 1), 11 * scale, 16 * scale);
            var rowsPerColumn = Math.Max(1, (int)((bottom - top) / rowHeight) - 1);
            var tableWidth = HouseholdColumns.Sum(c => c.Width) * scale;
            var columns = new List<List<NoticeLine>>();
            for (var column = 0; column < 2 && lines.Count > 0; column++)
            {
                columns.Add(lines.Take(rowsPerColumn).ToList());
                lines = lines.Skip(rowsPerColumn).ToList();
            }
            pages.Add(canvas =>
            {
                if (first) Header(canvas, pen, notice, verifyUrl, width);
                for (var column = 0; column < columns.Count; column++)
                {
                    Table(canvas, pen, Margin + column * (tableWidth + Gap), top, rowHeight, HouseholdColumns, columns[column].Select(Cells).ToList());
                }
                if (first) Footer(canvas, pen, notice, height);
            });
        }
        while (lines.Count > 0);

        var individuals = notice.Households.Where(line => line.IsIndividual).Select(Cells).ToList();
        if (individuals.Count > 0) pages.AddRange(ListPages(pen, height, NoticeBoard.IndividualsTitle, HouseholdColumns, individuals));
        var entries = notice.Entries.Select(e => (IReadOnlyList<string>)
            [$"{e.EntryNo}", e.HouseholdNo, NoticeBoard.KindName(e.Kind), e.RuleTitle, ColorStyles.Of(e.Color).Short, NoticeBoard.PointsOf(e), $"{e.OccurredOn:yyyy-MM-dd}"]).ToList();
        pages.AddRange(ListPages(pen, height, $"{NoticeBoard.MonthTitle(notice.Month)} 加分、扣分明细（{notice.Entries.Count} 条）", EntryColumns, entries));

        using (var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = $"{notice.VillageName} {notice.Month} 积分公示", Creator = "PointsLedger" }))
        {
            for (var page = 0; page < pages.Count; page++)
            {
                var canvas = document.BeginPage(width, height);
                pages[page](canvas);
                // A page taken down from the board on its own still says which notice it belongs to.
                pen.Text(canvas, $"{notice.VillageName} {NoticeBoard.MonthTitle(notice.Month)} 积分公示　第 {page + 1} / {pages.Count} 页　摘要 {NoticeBoard.ShortDigest(notice.Digest)}",
                    width / 2, height - 14, 7, align: SKTextAlign.Center);
                document.EndPage();
            }
            document.Close();
        }
        return output.ToArray();
    }

    /// <summary>Pages of one titled table, as many as its rows need (one, empty, for none).</summary>
    private static IEnumerable<Action<SKCanvas>> ListPages(
        PdfPen pen, float height, string title, (string Title, float Width, bool Text)[] columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var rowHeight = 14 * pen.Scale;
        var perPage = Math.Max(1, (int)((height - 2 * Margin - 20 * pen.Scale) / rowHeight) - 1);
        var chunks = rows.Count == 0 ? [[]] : rows.Chunk(perPage).ToList();
        return chunks.Select(chunk => (Action<SKCanvas>)(canvas =>
        {
            pen.Text(canvas, title, Margin, Margin + 12 * pen.Scale, 12, bold: true);
            Table(canvas, pen, Margin, Margin + 20 * pen.Scale, rowHeight, columns, chunk);
        }));
    }

    private static IReadOnlyList<string> Cells(NoticeLine l) =>
        [NoticeBoard.NumberOf(l), l.Name, .. ColorStyles.All.Select(c => $"{l.Earned.Of(c.Color)}"), $"{l.Earned.Total}", $"{l.YearToDate.Total}", $"{l.Spent}",
            $"{l.Available}", $"{l.Rank}", l.ProofCode];

    private static void Header(SKCanvas canvas, PdfPen pen, NoticeView notice, string verifyUrl, float width)
    {
        var s = pen.Scale;
        pen.Text(canvas, $"{notice.Township} {notice.VillageName} {NoticeBoard.MonthTitle(notice.Month)} 五色积分公示", Margin, Margin + 16 * s, 16, bold: true);
        pen.Text(canvas, $"公示 {NoticeBoard.Posted(notice.Totals)}　异议截止 {notice.ObjectionDeadline:yyyy年M月d日}　摘要 {NoticeBoard.ShortDigest(notice.Digest)}　默克尔根 {NoticeBoard.ShortDigest(notice.MerkleRoot)}", Margin, Margin + 30 * s, 8);
        pen.Text(canvas, string.Join("　", ColorStyles.All.Select(c => $"{c.Short}：{c.Name}")) + "　本月：本月所得　累计：本年累计　兑换：本月兑换　可用：月末可用积分　排名按本年累计",
            Margin, Margin + 42 * s, 8);
        PdfPen.QrCode(canvas, verifyUrl, width - Margin - 62 * s, Margin, 62 * s);
        pen.Text(canvas, "扫码核验", width - Margin - 31 * s, Margin + 70 * s, 7, align: SKTextAlign.Center);
    }

    private static void Footer(SKCanvas canvas, PdfPen pen, NoticeView notice, float height)
    {
        var t = notice.Totals;
        pen.Text(canvas, $"合计：{string.Join("　", ColorStyles.All.Select(c => $"{c.Short} {t.Earned.Of(c.Color)}"))}　本月合计 {t.Earned.Total} 分　本月兑换 {t.Spent} 分　共 {NoticeBoard.Posted(t)}。" +
            $"如有异议，请于 {notice.ObjectionDeadline:yyyy年M月d日} 前通过小程序或到村委会提出。", Margin, height - Margin - 14 * pen.Scale, 8);
        pen.Text(canvas, $"完整摘要 {notice.Digest}　默克尔根 {notice.MerkleRoot}", Margin, height - Margin - 3 * pen.Scale, 7);
    }

    private static void Table(SKCanvas canvas, PdfPen pen, float left, float top, float rowHeight, (string Title, float Width, bool Text)[] columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var size = rowHeight / pen.Scale * 0.62f;
        using var grid = new SKPaint { Color = SKColors.Black, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        var rowsWithTitle = new List<IReadOnlyList<string>> { columns.Select(c => c.Title).ToList() };
        rowsWithTitle.AddRange(rows);
        for (var r = 0; r < rowsWithTitle.Count; r++)
        {
            var x = left;
            var y = top + r * rowHeight;
            for (var c = 0; c < columns.Length; c++)
            {
                var w = columns[c].Width * pen.Scale;
                if (ColorStyles.All.FirstOrDefault(style => style.Short == columns[c].Title) is { } style)
                {
                    using var fill = new SKPaint { Color = SKColor.Parse(style.Tint), Style = SKPaintStyle.Fill };
                    canvas.DrawRect(x, y, w, rowHeight, fill);
                }
                canvas.DrawRect(x, y, w, rowHeight, grid);
                var text = rowsWithTitle[r][c];
                var baseline = y + rowHeight * 0.72f;
                if (columns[c].Text || r == 0) pen.Text(canvas, text, x + 2, baseline, size, bold: r == 0);
                else pen.Text(canvas, text, x + w - 2, baseline, size, align: SKTextAlign.Right);
                x += w;
            }
        }
    }
}
