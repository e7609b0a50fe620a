using System.Security.Cryptography;
using System.Text;

namespace PointsLedger.Households;

/// <summary>
/// ID numbers are never stored in clear: only this keyed hash (to find a household by card and the
/// last six digits later) and the masked form.
/// </summary>
public sealed class IdNumberHasher(byte[] key)
{
    public string Hash(string idNumber) =>
        Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(IdNumber.Normalize(idNumber))));
}
