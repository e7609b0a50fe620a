namespace PointsLedger.Tests.Households;

public sealed class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("110105194913310021", false)]
    [InlineData("1101051949123100", false)]
    [InlineData("11010519491231002Y", false)]
    [InlineData(null, false)]
    public void Validates_length_birth_date_and_check_character(string? value, bool valid) =>
        Assert.Equal(valid, IdNumber.IsValid(value));

    [Fact]
    public void The_mask_shows_the_region_and_none_of_the_six_characters_that_open_the_card() =>
        Assert.Equal("110105************", IdNumber.Mask("11010519491231002X"));

    [Fact]
    public void Masking_a_mask_recorded_under_the_old_rule_hides_its_last_four() =>
        Assert.Equal("110105************", IdNumber.Mask("110105********002X"));

    [Fact]
    public void The_keyed_hash_depends_on_the_key_and_ignores_case()
    {
        var hasher = new IdNumberHasher([1, 2, 3]);

        Assert.Equal(hasher.Hash("11010519491231002X"), hasher.Hash("11010519491231002x"));
        Assert.NotEqual(hasher.Hash("11010519491231002X"), new IdNumberHasher([4, 5, 6]).Hash("11010519491231002X"));
        Assert.DoesNotContain("11010519491231002X", hasher.Hash("11010519491231002X"));
    }

    [Fact]
    public void A_card_checks_against_the_last_six_characters_only_of_its_own_household()
    {
        var hasher = new IdNumberHasher([1, 2, 3]);
        var registered = hasher.CardCheck("123456789012", "31002X");

        Assert.Equal(registered, hasher.CardCheck("123456789012", "31002x"));
        Assert.NotEqual(registered, hasher.CardCheck("123456789012", "310021"));
        Assert.NotEqual(registered, hasher.CardCheck("999456789012", "31002X"));
    }
}
