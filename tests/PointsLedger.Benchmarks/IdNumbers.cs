namespace PointsLedger.Benchmarks;

public static class IdNumbers
{
    /// <summary>A valid ID number, different for each n below 14,000.</summary>
    public static string For(int n)
    {
        var body = $"3701121980{n / 28 % 12 + 1:D2}{n % 28 + 1:D2}{n % 1000:D3}";
        return body + Households.IdNumber.CheckCharacter(body);
    }
}
