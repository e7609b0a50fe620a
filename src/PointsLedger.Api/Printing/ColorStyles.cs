using PointsLedger.Ledger;

namespace PointsLedger.Printing;

/// <summary>How the five colours print: a short label and a name (so a black-and-white copy still reads), a light tint for table cells, and the ink for bars and stripes.</summary>
public sealed record ColorStyle(PointColor Color, string Short, string Name, string Tint, string Ink)
{
    public string CssClass => Color.ToString().ToLowerInvariant();
}

public static class ColorStyles
{
    public static readonly IReadOnlyList<ColorStyle> All =
    [
        new(PointColor.Red, "红", "党的建设", "#f6d3d0", "#d7261e"),
        new(PointColor.Purple, "紫", "基层治理", "#e4d5ee", "#7b3fa0"),
        new(PointColor.Orange, "橙", "乡风文明", "#fbe0c2", "#f08c00"),
        new(PointColor.Green, "绿", "生态环境", "#d3ebd5", "#2e9e44"),
        new(PointColor.Blue, "蓝", "产业振兴", "#d2e1f5", "#1f6fd1"),
    ];

    public static ColorStyle Of(PointColor color) => All.Single(style => style.Color == color);
}
