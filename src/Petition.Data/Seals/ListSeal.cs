using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Petition.Data.Letters;

namespace Petition.Data.Seals;

/// <summary>
/// A moment at which the organisers sealed a letter's list: the Merkle root over every counted signature's public
/// entry, and the statement saying so, signed with the site's key and published on the letter's timeline. The
/// statement is kept byte for byte as it was signed, so it is served exactly as anyone checked it.
/// </summary>
public class ListSeal
{
    public int Id { get; set; }
    public int LetterId { get; set; }

    /// <summary>1, 2, 3… per letter, in the order sealed.</summary>
    public int Number { get; set; }
    public DateTimeOffset SealedAt { get; set; }
    public required string SealedBy { get; set; }

    /// <summary>Leaves in the tree: every signature counted at that moment.</summary>
    public int Size { get; set; }

    /// <summary>Of those, the ones listed by name.</summary>
    public int Listed { get; set; }

    public required byte[] Root { get; set; }

    /// <summary>The roots of the parts' subtrees in order (32 bytes each), from which the tree's top is rebuilt.</summary>
    public required byte[] PartRoots { get; set; }

    /// <summary>The signed statement (UTF-8 JSON) and its DER-encoded ECDSA P-256 signature over SHA-256.</summary>
    public required byte[] Statement { get; set; }
    public required byte[] Signature { get; set; }

    public List<ListSealPart> Parts { get; set; } = [];
}

/// <summary>
/// One aligned block of a seal's leaves (<see cref="Size"/> of them but the last), with the signature each leaf is
/// of: an inclusion receipt reads one block, not the whole million.
/// </summary>
public class ListSealPart
{
    public const int Size = 1 << 16;

    public int SealId { get; set; }
    public int Index { get; set; }

    /// <summary>The first signature id of the block: a receipt finds its block by it.</summary>
    public long FirstSignatureId { get; set; }

    /// <summary>The signatures' ids in ascending order, 8 bytes each, little-endian.</summary>
    public required byte[] SignatureIds { get; set; }

    /// <summary>The leaf hashes in the same order, 32 bytes each.</summary>
    public required byte[] Leaves { get; set; }
}

public class ListSealConfiguration : IEntityTypeConfiguration<ListSeal>
{
    public void Configure(EntityTypeBuilder<ListSeal> seal)
    {
        seal.HasIndex(s => new { s.LetterId, s.Number }).IsUnique();
        seal.Property(s => s.SealedBy).HasMaxLength(256);
        seal.HasOne<Letter>().WithMany().HasForeignKey(s => s.LetterId).OnDelete(DeleteBehavior.Cascade);
        seal.HasMany(s => s.Parts).WithOne().HasForeignKey(p => p.SealId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ListSealPartConfiguration : IEntityTypeConfiguration<ListSealPart>
{
    public void Configure(EntityTypeBuilder<ListSealPart> part)
    {
        part.HasKey(p => new { p.SealId, p.Index });
        part.HasIndex(p => new { p.SealId, p.FirstSignatureId });
    }
}
