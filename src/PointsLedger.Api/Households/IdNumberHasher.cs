using System.Security.Cryptography;
using System.Text;

namespace PointsLedger.Households;

/// <summary>
/// ID numbers are never stored in clear: only keyed hashes and the masked form. <see cref="Hash"/>
/// finds a household by a whole ID number; <see cref="CardCheck"/> lets a clerk check a household
/// card against the last six characters of the ID number, which is all a resident tells them.
/// </summary>
public sealed class IdNumberHasher(byte[] key)
{
    public string Hash(string idNumber) => Hmac($"id:{IdNumber.Normalize(idNumber)}");

    public string CardCheck(string cardNo, string idLast6) => Hmac($"card:{cardNo}:{idLast6.Trim().ToUpperInvariant()}");

    private string Hmac(string text) => Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
}
