using System.Security.Cryptography;
using System.Text;
using PointsLedger.Residents;

namespace PointsLedger.Tests.Residents;

public sealed class CodeSealTests
{
    private readonly CodeSeal _seal = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_sealed_code_opens_with_the_same_key_and_shows_neither_phone_nor_code()
    {
        var sealedText = _seal.Seal("13912345678", "042917");

        Assert.Equal(("13912345678", "042917"), _seal.Open(sealedText));
        var bytes = Encoding.UTF8.GetString(Convert.FromBase64String(sealedText));
        Assert.DoesNotContain("13912345678", bytes + sealedText);
        Assert.DoesNotContain("042917", bytes + sealedText);
    }

    [Fact]
    public void A_phone_no_household_registered_opens_with_no_code()
    {
        Assert.Equal(("13900000000", null), _seal.Open(_seal.Seal("13900000000", null)));
    }

    [Fact]
    public void Another_key_or_a_changed_byte_does_not_open()
    {
        var sealedText = _seal.Seal("13912345678", "042917");
        var tampered = Convert.FromBase64String(sealedText);
        tampered[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => new CodeSeal(RandomNumberGenerator.GetBytes(32)).Open(sealedText));
        Assert.ThrowsAny<CryptographicException>(() => _seal.Open(Convert.ToBase64String(tampered)));
    }
}
