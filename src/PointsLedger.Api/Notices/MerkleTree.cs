using System.Security.Cryptography;

namespace PointsLedger.Notices;

/// <summary>
/// The Merkle tree of RFC 6962 (Certificate Transparency): a leaf is SHA-256(0x00 ‖ data), a node
/// SHA-256(0x01 ‖ left ‖ right), and a list splits at the largest power of two below its length. An
/// audit path proves one leaf belongs to a root while showing only hashes of the others.
/// </summary>
public static class MerkleTree
{
    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        var input = new byte[data.Length + 1];
        data.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    public static byte[] Root(IReadOnlyList<byte[]> leaves) => leaves.Count switch
    {
        0 => SHA256.HashData(ReadOnlySpan<byte>.Empty),
        1 => leaves[0],
        _ => Node(Root(Slice(leaves, 0, Split(leaves.Count))), Root(Slice(leaves, Split(leaves.Count), leaves.Count))),
    };

    /// <summary>The sibling hashes from the leaf at <paramref name="index"/> up to the root.</summary>
    public static IReadOnlyList<byte[]> AuditPath(IReadOnlyList<byte[]> leaves, int index)
    {
        if (leaves.Count <= 1) return [];
        var k = Split(leaves.Count);
        return index < k
            ? [.. AuditPath(Slice(leaves, 0, k), index), Root(Slice(leaves, k, leaves.Count))]
            : [.. AuditPath(Slice(leaves, k, leaves.Count), index - k), Root(Slice(leaves, 0, k))];
    }

    /// <summary>Recomputes the root from a leaf, its position among <paramref name="count"/> leaves, and its audit path.</summary>
    public static byte[] RootFromPath(byte[] leaf, int index, int count, IReadOnlyList<byte[]> path)
    {
        if (count <= 1) return leaf;
        var k = Split(count);
        var (inner, sibling) = (path.Take(path.Count - 1).ToList(), path[^1]);
        return index < k
            ? Node(RootFromPath(leaf, index, k, inner), sibling)
            : Node(sibling, RootFromPath(leaf, index - k, count - k, inner));
    }

    private static byte[] Node(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

    private static int Split(int count)
    {
        var k = 1;
        while (k * 2 < count) k *= 2;
        return k;
    }

    private static IReadOnlyList<byte[]> Slice(IReadOnlyList<byte[]> leaves, int from, int to) => leaves.Skip(from).Take(to - from).ToList();
}
