using System.Security.Cryptography;
using System.Text;

namespace PointsLedger.Security;

/// <summary>The one way we turn secrets and identifiers into lookup keys we can store.</summary>
public static class Digest
{
    public static string Sha256Hex(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
