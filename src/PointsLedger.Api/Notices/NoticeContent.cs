using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using PointsLedger.Households;
using PointsLedger.Ledger;

namespace PointsLedger.Notices;

/// <summary>
/// One household on the notice. <see cref="Rank"/> orders households by points earned this year
/// through the month (ties share a rank). <see cref="ProofCode"/> is random, so the hash of a line
/// tells nothing about its points; with the line it proves the line is on the sheet.
/// </summary>
public sealed record NoticeLine(
    string HouseholdNo, string Name, ColorTotals Earned, ColorTotals YearToDate, int Spent, int Available, int Rank, string ProofCode)
{
    /// <summary>An individual's account (网格员, 志愿者…), posted in its own section and ranked among individuals; none for a household.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AccountKind? Kind { get; init; }

    [JsonIgnore]
    public bool IsIndividual => Kind is not null;
}

/// <summary>A grant, deduction or revocation dated in the month; <see cref="PaperRef"/>, the paper ledger's page and line, only for one entered from the book.</summary>
public sealed record NoticeEntry(int EntryNo, string HouseholdNo, string Kind, string RuleCode, string RuleTitle, PointColor Color, int Points, DateOnly OccurredOn)
{
    // Left out of the canonical JSON when absent, so notices closed before paper references existed keep their digests.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PaperRef { get; init; }

    /// <summary>The hours (or other units) a rule per unit awarded for.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Quantity { get; init; }
}

/// <param name="Households">The households posted; <see cref="Individuals"/> the individuals, where there are any.</param>
public sealed record NoticeTotals(ColorTotals Earned, int Spent, int Households)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Individuals { get; init; }
}

/// <summary>
/// What a closed month's notice says: the digest is SHA-256 over this record's JSON, which names the
/// previous notice's digest (a chain) and the Merkle root of the household lines.
/// </summary>
public sealed record NoticeContent(
    string VillageCode, string VillageName, string Township, string Month, string? PreviousDigest, string MerkleRoot,
    IReadOnlyList<NoticeLine> Households, IReadOnlyList<NoticeEntry> Entries, NoticeTotals Totals)
{
    /// <summary>
    /// The canonical form: System.Text.Json over these records, camelCase, enums as lower-case text,
    /// no indentation. Records write their properties in declaration order, so it is stable.
    /// </summary>
    public static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Digest() => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(this, Canonical)));

    /// <summary>
    /// A line's leaf, RFC 6962: SHA-256(0x00 ‖ the line's canonical JSON), that is its fields in this order
    /// with no spaces: householdNo, name, earned and yearToDate (each red, purple, orange, green, blue, total),
    /// spent, available, rank, proofCode, and for an individual's line kind (grid-worker, volunteer, rider, other); in strings \ is written \\, backspace, form feed, line feed, carriage
    /// return and tab as \b \f \n \r \t, and every other character outside printable ASCII, and " &lt; &gt; &amp; ' + `,
    /// as \uXXXX with upper-case hex (so the name 张*明 is "\u5F20*\u660E"). Nodes are SHA-256(0x01 ‖ left ‖ right).
    /// </summary>
    public static byte[] LeafOf(NoticeLine line) => MerkleTree.Leaf(JsonSerializer.SerializeToUtf8Bytes(line, Canonical));

    public static string RootOf(IEnumerable<NoticeLine> lines) => Convert.ToHexStringLower(MerkleTree.Root(lines.Select(LeafOf).ToList()));
}
