using System.Security.Cryptography;
using System.Text;
using PointsLedger.Security;

namespace PointsLedger.Idempotency;

/// <summary>The key of the current request, scoped to its caller, and the hash of what was asked.</summary>
public sealed record IdempotencyKey(string RecordId, string RequestHash)
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 128;

    public static IdempotencyKey For(string callerId, string key, string method, string path, ReadOnlySpan<byte> body)
    {
        var recordId = Digest.Sha256Hex($"{callerId}\n{key}");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method} {path}\n"));
        hash.AppendData(body);
        return new IdempotencyKey(recordId, Convert.ToHexString(hash.GetHashAndReset()));
    }
}
