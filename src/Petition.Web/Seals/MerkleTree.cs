using System.Security.Cryptography;

namespace Petition.Web.Seals;

/// <summary>
/// The Merkle tree of RFC 9162 (Certificate Transparency 2.0, section 2.1): a leaf is SHA-256(0x00 ‖ entry), a node
/// SHA-256(0x01 ‖ left ‖ right), and a list of n is split after the largest power of two below n. Chosen over a
/// home-made shape because its inclusion proofs are a published algorithm that anyone can check in a few lines, and
/// the 0x00/0x01 prefixes keep a leaf from passing for a node.
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        var buffer = new byte[entry.Length + 1];
        entry.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + 2 * HashSize];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The root of <paramref name="nodes"/> (leaf hashes, or the roots of aligned power-of-two blocks of them).</summary>
    public static byte[] Root(IReadOnlyList<byte[]> nodes) => nodes.Count switch
    {
        0 => SHA256.HashData(ReadOnlySpan<byte>.Empty), // RFC 9162: the hash of an empty list
        _ => Root(nodes, 0, nodes.Count),
    };

    static byte[] Root(IReadOnlyList<byte[]> nodes, int start, int count)
    {
        if (count == 1)
            return nodes[start];
        var k = Split(count);
        return NodeHash(Root(nodes, start, k), Root(nodes, start + k, count - k));
    }

    /// <summary>The audit path of the node at <paramref name="index"/>, from the bottom up (RFC 9162 section 2.1.3.1).</summary>
    public static List<byte[]> Path(IReadOnlyList<byte[]> nodes, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, nodes.Count);
        var path = new List<byte[]>();
        Path(nodes, index, 0, nodes.Count, path);
        return path;
    }

    static void Path(IReadOnlyList<byte[]> nodes, int index, int start, int count, List<byte[]> path)
    {
        if (count == 1)
            return;
        var k = Split(count);
        if (index < k)
        {
            Path(nodes, index, start, k, path);
            path.Add(Root(nodes, start + k, count - k));
        }
        else
        {
            Path(nodes, index - k, start + k, count - k, path);
            path.Add(Root(nodes, start, k));
        }
    }

    /// <summary>
    /// Whether <paramref name="leafHash"/> at <paramref name="index"/> of a tree of <paramref name="size"/> leaves
    /// leads by <paramref name="path"/> to <paramref name="root"/> (RFC 9162 section 2.1.3.2, word for word).
    /// </summary>
    public static bool Verify(byte[] leafHash, long index, long size, IReadOnlyList<byte[]> path, byte[] root)
    {
        if (index < 0 || index >= size || path.Any(p => p.Length != HashSize))
            return false;
        long fn = index, sn = size - 1;
        var r = leafHash;
        foreach (var p in path)
        {
            if (sn == 0)
                return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = NodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && CryptographicOperations.FixedTimeEquals(r, root);
    }

    /// <summary>The largest power of two below <paramref name="count"/> (count ≥ 2).</summary>
    static int Split(int count) => 1 << (31 - int.LeadingZeroCount(count - 1));
}
