namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>Valid GB 11643 ID numbers for test households.</summary>
public static class IdNumbers
{
    private static int _serial;

    public static string Valid()
    {
        var body = $"37011219800101{Interlocked.Increment(ref _serial) % 1000:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
