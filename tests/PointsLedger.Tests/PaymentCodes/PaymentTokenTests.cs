using PointsLedger.PaymentCodes;

namespace PointsLedger.Tests.PaymentCodes;

public sealed class PaymentTokenTests
{
    private static readonly byte[] Key = [1, 2, 3, 4];
    private static readonly PaymentToken Token = new(Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2026, 11, 20, 9, 2, 0, TimeSpan.Zero));

    [Fact]
    public void A_signed_token_reads_back_whole()
    {
        Assert.Equal(Token, PaymentToken.Verify(Token.Sign(Key), Key));
    }

    [Fact]
    public void A_tampered_token_or_another_key_is_refused()
    {
        var signed = Token.Sign(Key);
        var parts = signed.Split('.');
        var forged = new PaymentToken(Guid.NewGuid(), Token.Nonce, Token.ExpiresAt).Sign([9, 9, 9]).Split('.')[1];

        Assert.Null(PaymentToken.Verify($"{parts[0]}.{forged}.{parts[2]}", Key));
        Assert.Null(PaymentToken.Verify(signed, [4, 3, 2, 1]));
        Assert.Null(PaymentToken.Verify("PL1.not-base64!.x", Key));
        Assert.Null(PaymentToken.Verify("something else", Key));
    }
}
