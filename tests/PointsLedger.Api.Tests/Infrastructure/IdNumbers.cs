using PointsLedger.Households;

namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>Valid GB 11643 ID numbers for test households.</summary>
public static class IdNumbers
{
    private static int _serial;

    /// <summary>A new one each call: an ID number belongs to one household of a township.</summary>
    public static string Valid()
    {
        var serial = Interlocked.Increment(ref _serial);
        var body = $"370112{new DateOnly(1950, 1, 1).AddDays(serial / 1000):yyyyMMdd}{serial % 1000:D3}";
        return body + IdNumber.CheckCharacter(body);
    }
}
