using PointsLedger.Households;

namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>Valid GB 11643 ID numbers for test households.</summary>
public static class IdNumbers
{
    private static int _serial;

    public static string Valid()
    {
        var body = $"37011219800101{Interlocked.Increment(ref _serial) % 1000:D3}";
        return body + IdNumber.CheckCharacter(body);
    }
}
