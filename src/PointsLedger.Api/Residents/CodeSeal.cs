using System.Security.Cryptography;
using System.Text;

namespace PointsLedger.Residents;

/// <summary>
/// Seals a phone and its one-time code for the outbox, whose tables keep messages for a while after
/// they are handled: AES-GCM under a key derived (HKDF) from Auth:SigningKey for this purpose alone, so a
/// database reader sees neither a live code nor which phones asked for one. Every node shares the key.
/// </summary>
public sealed class CodeSeal(byte[] serverKey)
{
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, serverKey, 32, info: "pointsledger one-time code outbox"u8.ToArray());

    public string Seal(string phone, string? code)
    {
        var plain = Encoding.UTF8.GetBytes($"{phone}\n{code}");
        var sealedBytes = new byte[12 + plain.Length + 16];
        var nonce = sealedBytes.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(12, plain.Length), sealedBytes.AsSpan(12 + plain.Length));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The phone, and the code (none for a phone no household registered).</summary>
    public (string Phone, string? Code) Open(string sealedText)
    {
        var sealedBytes = Convert.FromBase64String(sealedText);
        var plain = new byte[sealedBytes.Length - 28];
        using var aes = new AesGcm(_key, 16);
        aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(12, plain.Length), sealedBytes.AsSpan(12 + plain.Length), plain);
        var parts = Encoding.UTF8.GetString(plain).Split('\n', 2);
        return (parts[0], parts[1].Length == 0 ? null : parts[1]);
    }
}
