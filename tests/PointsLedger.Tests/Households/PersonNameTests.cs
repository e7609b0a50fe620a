namespace PointsLedger.Tests.Households;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("张三明", "张*明")]
    [InlineData("李四", "李*")]
    [InlineData("欧阳秀英", "欧**英")]
    [InlineData("王", "王")]
    public void Masks_all_but_the_first_and_last_character(string name, string masked) =>
        Assert.Equal(masked, PersonName.Mask(name));
}
