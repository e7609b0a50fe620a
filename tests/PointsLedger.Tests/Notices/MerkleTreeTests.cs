using System.Text;
using PointsLedger.Notices;

namespace PointsLedger.Tests.Notices;

public sealed class MerkleTreeTests
{
    private static List<byte[]> Leaves(int count) => Enumerable.Range(0, count).Select(i => MerkleTree.Leaf(Encoding.UTF8.GetBytes($"line {i}"))).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(60)]
    public void Every_leafs_audit_path_leads_back_to_the_root(int count)
    {
        var leaves = Leaves(count);
        var root = MerkleTree.Root(leaves);

        for (var i = 0; i < count; i++)
        {
            Assert.Equal(root, MerkleTree.RootFromPath(leaves[i], i, count, MerkleTree.AuditPath(leaves, i)));
        }
    }

    [Fact]
    public void A_changed_line_or_another_position_does_not_lead_to_the_root()
    {
        var leaves = Leaves(9);
        var root = MerkleTree.Root(leaves);
        var path = MerkleTree.AuditPath(leaves, 4);

        Assert.NotEqual(root, MerkleTree.RootFromPath(MerkleTree.Leaf(Encoding.UTF8.GetBytes("line 4 changed")), 4, 9, path));
        Assert.NotEqual(root, MerkleTree.RootFromPath(leaves[4], 5, 9, path));
    }

    [Fact]
    public void A_leaf_and_a_node_never_hash_alike()
    {
        var leaves = Leaves(2);
        var node = MerkleTree.Root(leaves);

        Assert.NotEqual(node, MerkleTree.Leaf([.. leaves[0], .. leaves[1]]));
    }
}
