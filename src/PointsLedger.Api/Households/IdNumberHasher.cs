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

    /// <summary>A person given a new card: the ID number only masked and hashed, the card's check keyed by the card.</summary>
    public CardHolder NewCardFor(string idNumber)
    {
        var normalized = IdNumber.Normalize(idNumber);
        var cardNo = CardNumbers.New();
        return new CardHolder(IdNumber.Mask(normalized), Hash(normalized), cardNo, CardCheck(cardNo, normalized[^6..]));
    }

    private string Hmac(string text) => Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
}

public sealed record CardHolder(string IdNumberMasked, string IdNumberHash, string CardNo, string CardCheck);
