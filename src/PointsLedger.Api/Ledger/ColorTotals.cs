namespace PointsLedger.Ledger;

/// <summary>Points per colour, with their total.</summary>
public sealed record ColorTotals(int Red, int Purple, int Orange, int Green, int Blue)
{
    public static readonly ColorTotals Zero = new(0, 0, 0, 0, 0);

    public int Total => Red + Purple + Orange + Green + Blue;

    public ColorTotals Plus(ColorTotals other) =>
        new(Red + other.Red, Purple + other.Purple, Orange + other.Orange, Green + other.Green, Blue + other.Blue);

    public int Of(PointColor color) => color switch
    {
        PointColor.Red => Red,
        PointColor.Purple => Purple,
        PointColor.Orange => Orange,
        PointColor.Green => Green,
        PointColor.Blue => Blue,
        _ => throw new ArgumentOutOfRangeException(nameof(color), color, null),
    };

    public ColorTotals Add(PointColor color, int points) => color switch
    {
        PointColor.Red => this with { Red = Red + points },
        PointColor.Purple => this with { Purple = Purple + points },
        PointColor.Orange => this with { Orange = Orange + points },
        PointColor.Green => this with { Green = Green + points },
        PointColor.Blue => this with { Blue = Blue + points },
        _ => throw new ArgumentOutOfRangeException(nameof(color), color, null),
    };
}
