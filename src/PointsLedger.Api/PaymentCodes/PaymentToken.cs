using System.Buffers.Text;
using System.Security.Cryptography;

namespace PointsLedger.PaymentCodes;

/// <summary>
/// What the resident's payment QR code holds: household, a nonce and an expiry at most two minutes
/// away, signed with a server key. "PL1.{payload}.{signature}", base64url. Redemption checks the
/// signature and the expiry, and that the nonce was not used before.
/// </summary>
public sealed record PaymentToken(Guid HouseholdId, Guid Nonce, DateTimeOffset ExpiresAt)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>A new token for the household, valid for <see cref="Lifetime"/>; its expiry in whole seconds, as the signed payload carries it.</summary>
    public static PaymentToken New(Guid householdId, TimeProvider clock) =>
        new(householdId, Guid.NewGuid(), DateTimeOffset.FromUnixTimeSeconds((clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds()));
    private const string Prefix = "PL1";

    public string Sign(byte[] key)
    {
        var payload = new byte[40];
        HouseholdId.TryWriteBytes(payload.AsSpan(0, 16));
        Nonce.TryWriteBytes(payload.AsSpan(16, 16));
        BitConverter.TryWriteBytes(payload.AsSpan(32, 8), ExpiresAt.ToUnixTimeSeconds());
        return $"{Prefix}.{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>The token's content when its signature holds; null for anything tampered with or malformed.</summary>
    public static PaymentToken? Verify(string token, byte[] key)
    {
        if (token.Split('.') is not [Prefix, var payloadText, var signatureText]) return null;
        if (FromBase64Url(payloadText) is not { Length: 40 } payload || FromBase64Url(signatureText) is not { } signature) return null;
        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload))) return null;
        return new PaymentToken(new Guid(payload.AsSpan(0, 16)), new Guid(payload.AsSpan(16, 16)),
            DateTimeOffset.FromUnixTimeSeconds(BitConverter.ToInt64(payload, 32)));
    }

    private static byte[]? FromBase64Url(string text)
    {
        if (!Base64Url.IsValid(text)) return null;
        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        return Base64Url.TryDecodeFromChars(text, buffer, out var written) ? buffer[..written] : null;
    }
}
