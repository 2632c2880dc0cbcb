using System.Security.Cryptography;
using System.Text;
using Petition.Web.Seals;

namespace Petition.Tests.Seals;

/// <summary>
/// The tree a seal is: every entry's receipt leads to the root, and changing, adding or removing any entry (or
/// touching a receipt's path or place) breaks the check. Checked against RFC 9162's definition written out plainly.
/// </summary>
public class MerkleTreeTests
{
    static List<byte[]> Leaves(int count, string prefix = "entry") =>
        Enumerable.Range(0, count).Select(i => MerkleTree.LeafHash(Encoding.UTF8.GetBytes($"{prefix} {i}"))).ToList();

    /// <summary>RFC 9162's MTH, recursively and naively, as the standard writes it.</summary>
    static byte[] Reference(IReadOnlyList<byte[]> d)
    {
        if (d.Count == 0)
            return SHA256.HashData([]);
        if (d.Count == 1)
            return d[0];
        var k = 1;
        while (k * 2 < d.Count)
            k *= 2;
        return SHA256.HashData([1, .. Reference(d.Take(k).ToList()), .. Reference(d.Skip(k).ToList())]);
    }

    [Fact]
    public void The_root_is_RFC_9162s_and_every_entry_has_a_path_to_it()
    {
        for (var n = 0; n <= 40; n++)
        {
            var leaves = Leaves(n);
            var root = MerkleTree.Root(leaves);
            Assert.Equal(Reference(leaves), root);
            for (var i = 0; i < n; i++)
                Assert.True(MerkleTree.Verify(leaves[i], i, n, MerkleTree.Path(leaves, i), root), $"entry {i} of {n}");
        }
    }

    [Fact]
    public void Changing_adding_or_removing_any_entry_breaks_every_receipt_of_the_sealed_root()
    {
        const int n = 13;
        var leaves = Leaves(n);
        var sealedRoot = MerkleTree.Root(leaves);
        for (var i = 0; i < n; i++)
        {
            var changed = leaves.ToList();
            changed[i] = MerkleTree.LeafHash(Encoding.UTF8.GetBytes($"entry {i} (altered)"));
            var added = leaves.ToList();
            added.Insert(i, MerkleTree.LeafHash("a name nobody signed"u8));
            var removed = leaves.ToList();
            removed.RemoveAt(i);
            foreach (var tampered in new[] { changed, added, removed })
            {
                Assert.NotEqual(sealedRoot, MerkleTree.Root(tampered));
                // A receipt made from the altered list does not check against the published root.
                for (var j = 0; j < tampered.Count; j++)
                    Assert.False(MerkleTree.Verify(tampered[j], j, tampered.Count, MerkleTree.Path(tampered, j), sealedRoot),
                        $"tampered at {i}, receipt {j}");
            }
            // The altered entry with its honest path, as a signer holding the receipt would check what the list now shows.
            Assert.False(MerkleTree.Verify(changed[i], i, n, MerkleTree.Path(leaves, i), sealedRoot));
        }
    }

    [Fact]
    public void A_receipt_with_another_entry_place_size_or_path_fails()
    {
        var leaves = Leaves(21);
        var root = MerkleTree.Root(leaves);
        var path = MerkleTree.Path(leaves, 6);
        Assert.True(MerkleTree.Verify(leaves[6], 6, 21, path, root));
        Assert.False(MerkleTree.Verify(leaves[7], 6, 21, path, root));
        Assert.False(MerkleTree.Verify(leaves[6], 7, 21, path, root));
        Assert.False(MerkleTree.Verify(leaves[6], 6, 8, path, root)); // a size whose tree has another shape (the size itself is bound by the signed statement)
        Assert.False(MerkleTree.Verify(leaves[6], 6, 21, path.Take(path.Count - 1).ToList(), root));
        Assert.False(MerkleTree.Verify(leaves[6], 6, 21, [.. path, path[0]], root));
        var flipped = path.Select(p => p.ToArray()).ToList();
        flipped[1][0] ^= 1;
        Assert.False(MerkleTree.Verify(leaves[6], 6, 21, flipped, root));
    }

    /// <summary>
    /// Seals store leaves in aligned blocks of a power of two (ListSealPart.Size) and rebuild the top from the blocks'
    /// roots: the same root and the same paths as the whole tree, shown here with blocks of 4.
    /// </summary>
    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(11)]
    [InlineData(17)]
    [InlineData(32)]
    public void Blocks_of_a_power_of_two_give_the_whole_trees_root_and_paths(int n)
    {
        const int block = 4;
        var leaves = Leaves(n);
        var blocks = leaves.Chunk(block).Select(c => c.ToList()).ToList();
        var blockRoots = blocks.Select(MerkleTree.Root).ToList();
        var root = MerkleTree.Root(blockRoots);
        Assert.Equal(MerkleTree.Root(leaves), root);
        for (var i = 0; i < n; i++)
        {
            var path = MerkleTree.Path(blocks[i / block], i % block);
            if (blocks.Count > 1)
                path.AddRange(MerkleTree.Path(blockRoots, i / block));
            Assert.Equal(MerkleTree.Path(leaves, i), path);
        }
    }
}
