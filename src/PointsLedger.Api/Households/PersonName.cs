namespace PointsLedger.Households;

public static class PersonName
{
    /// <summary>张三明 → 张*明, 李四 → 李*: the way names are posted on a village notice board.</summary>
    public static string Mask(string name) => name.Length switch
    {
        <= 1 => name,
        2 => $"{name[0]}*",
        _ => $"{name[0]}{new string('*', name.Length - 2)}{name[^1]}",
    };
}
