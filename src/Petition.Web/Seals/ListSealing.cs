using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Seals;
using Petition.Data.Signatures;
using Petition.Web.Admin.Audit;
using Petition.Web.Exports;
using Petition.Web.Letters;
using Petition.Web.Signatories;
using Petition.Web.Site;

namespace Petition.Web.Seals;

/// <summary>
/// Seals a letter's list: every counted signature's entry becomes a leaf, in the order of the signatures' ids, and
/// the root with the count is signed and kept. The leaves are stored in blocks of <see cref="ListSealPart.Size"/>
/// (each a whole subtree of the RFC 9162 tree), so a million entries are read once, in one pass, and a receipt later
/// reads one block.
/// </summary>
public class ListSealing(PetitionDbContext db, SealEntry entries, ExportSigningKey key, AuditTrail audit,
    IOptions<SiteOptions> site, TimeProvider time)
{
    /// <summary>
    /// A list is sealed, and so delivered, only once the public can see the letter: a draft (its founding round
    /// included) or a letter before it opens has no public list, and a seal or a pack would publish one.
    /// </summary>
    public static bool CanSeal(Letter letter, DateTimeOffset now) => letter.IsPublic(now);

    public const string NotPublicYet = "a draft, or a letter before it opens, has no public list yet: publish the letter first.";

    /// <param name="unlessSealedAsIs">
    /// A delivery's seal: when the newest seal already holds this very list (the same root over the same count, of
    /// the same version of the letter), it is the one to name, and no second seal of an unchanged list is made. Two
    /// instances delivering at the same moment (a deadline seen by both) then seal once.
    /// </param>
    public async Task<ListSeal> SealAsync(Letter letter, string sealedBy, CancellationToken cancellationToken, bool unlessSealedAsIs = false)
    {
        var now = time.GetUtcNow();
        if (!CanSeal(letter, now))
            throw new InvalidOperationException($"Letter {letter.Id} has no public list to seal or deliver: {NotPublicYet}");
        var namesPublic = letter.NamesPublicAt(now);
        var salt = await entries.SaltsAsync(cancellationToken);
        var parts = new List<ListSealPart>();
        var partRoots = new List<byte[]>();
        var levels = Verifications.Words.ToDictionary(w => w.Word, _ => 0);
        var (ids, leaves, size, listed) = (new List<long>(), new List<byte[]>(), 0, 0);
        var organisations = 0;

        void Close()
        {
            if (ids.Count == 0)
                return;
            var part = new ListSealPart
            {
                Index = parts.Count,
                FirstSignatureId = ids[0],
                SignatureIds = new byte[ids.Count * sizeof(long)],
                Leaves = new byte[leaves.Count * MerkleTree.HashSize],
            };
            for (var i = 0; i < ids.Count; i++)
            {
                BinaryPrimitives.WriteInt64LittleEndian(part.SignatureIds.AsSpan(i * sizeof(long)), ids[i]);
                leaves[i].CopyTo(part.Leaves, i * MerkleTree.HashSize);
            }
            parts.Add(part);
            partRoots.Add(MerkleTree.Root(leaves));
            (ids, leaves) = (new List<long>(), new List<byte[]>());
        }

        var rows = db.Signatures.AsNoTracking()
            .Where(s => s.LetterId == letter.Id && s.State == SignatureState.Published)
            .OrderBy(s => s.Id).Select(SignatoryRow.Select).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            ids.Add(row.Id);
            leaves.Add(MerkleTree.LeafHash(SealEntry.Bytes(letter.Slug, letter.Fields, row, salt(row.Id), namesPublic)));
            size++;
            listed += row.Listed && namesPublic ? 1 : 0;
            levels[row.Verification.Word()]++;
            organisations += row.ForOrganisation ? 1 : 0;
            if (ids.Count == ListSealPart.Size)
                Close();
        }
        Close();

        var root = MerkleTree.Root(partRoots);
        // One read of the newest seal: the number follows it, so two sealing at once collide on (letter, number)
        // rather than both sealing, whichever way their reads and writes interleave.
        var newest = await db.ListSeals.AsNoTracking().Where(s => s.LetterId == letter.Id).OrderByDescending(s => s.Number)
            .FirstOrDefaultAsync(cancellationToken);
        if (unlessSealedAsIs && newest is not null && newest.Size == size && newest.Listed == listed
            && newest.Root.AsSpan().SequenceEqual(root) && SealStatement.Read(newest.Statement)?.Letter.Version == letter.Version)
            return newest;
        var number = (newest?.Number ?? 0) + 1;
        var statement = new SealStatement(SealStatement.TypeName, site.Value.Name,
            new(letter.Slug, letter.Title, site.Value.Link($"/letters/{letter.Slug}"), letter.Version),
            number, now, size, listed, !namesPublic, levels, SealStatement.TreeName, Convert.ToHexStringLower(root),
            site.Value.Link(ExportSigningKey.WellKnownPath),
            letter.AcceptsOrganisations ? Exports.ExportManifest.KindsOf(organisations, size) : null).ToUtf8();
        var seal = new ListSeal
        {
            LetterId = letter.Id, Number = number, SealedAt = now, SealedBy = sealedBy, Size = size, Listed = listed,
            Root = root, PartRoots = partRoots.SelectMany(r => r).ToArray(), Statement = statement,
            Signature = await key.SignAsync(SHA256.HashData(statement), cancellationToken), Parts = parts,
        };
        db.ListSeals.Add(seal);
        audit.Record(AuditActions.ListSealed, letter.Id, after: new { seal = number, size, listed, root = Convert.ToHexStringLower(root) });
        // Two organisers sealing at the same moment collide on (letter, number): the second is told to try again.
        await db.SaveChangesAsync(cancellationToken);
        return seal;
    }
}
