using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Data.Seals;
using Petition.Data.Signatures;
using Petition.Web.Exports;
using Petition.Web.Signatories;
using Petition.Web.Site;

namespace Petition.Web.Seals;

/// <summary>
/// A signer's proof that their entry is in a sealed list: the entry, its place, the path to the root, and the signed
/// statement, in one JSON file that the site's verify page or <c>scripts/verify-receipt.py</c> checks with no help
/// from the site.
/// </summary>
public record SealReceipt(string Type, string Letter, int Seal, string Entry, long Index, long Size, IReadOnlyList<string> Path,
    string Root, string Statement, string Signature, string StatementUrl, string SigningKeyUrl)
{
    public const string TypeName = "petition-inclusion-receipt/1";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static SealReceipt? Read(string json) => JsonSerializer.Deserialize<SealReceipt>(json, Json);
}

/// <summary>Why there is no receipt: no seal yet, or none since the entry took its present form.</summary>
public enum ReceiptStatus { Ready, NotSealed, NotInSeal }

public class SealReceipts(PetitionDbContext db, SealEntry entries, IOptions<SiteOptions> site)
{
    /// <summary>
    /// The receipt from the newest seal that holds this signature's entry as it is now. An entry changed since (a
    /// correction, a new level) is in no seal until the next one: an old receipt would prove a line the list no
    /// longer shows.
    /// </summary>
    public async Task<(ReceiptStatus Status, SealReceipt? Receipt)> ForAsync(Signature signature, CancellationToken cancellationToken)
    {
        var seals = await db.ListSeals.AsNoTracking().Where(s => s.LetterId == signature.LetterId)
            .OrderByDescending(s => s.Number).Select(s => new { s.Id, s.Number }).ToListAsync(cancellationToken);
        if (seals.Count == 0)
            return (ReceiptStatus.NotSealed, null);
        var row = await db.Signatures.AsNoTracking().Where(s => s.Id == signature.Id && s.State == SignatureState.Published)
            .Select(SignatoryRow.Select).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return (ReceiptStatus.NotInSeal, null);
        var salt = (await entries.SaltsAsync(cancellationToken))(row.Id);
        foreach (var sealId in seals.Select(s => s.Id))
            if (await ReceiptAsync(sealId, signature.Letter, row, salt, cancellationToken) is { } receipt)
                return (ReceiptStatus.Ready, receipt);
        return (ReceiptStatus.NotInSeal, null);
    }

    async Task<SealReceipt?> ReceiptAsync(int sealId, Data.Letters.Letter letter, SignatoryRow row, byte[] salt, CancellationToken cancellationToken)
    {
        var part = await db.ListSealParts.AsNoTracking().Where(p => p.SealId == sealId && p.FirstSignatureId <= row.Id)
            .OrderByDescending(p => p.FirstSignatureId).FirstOrDefaultAsync(cancellationToken);
        if (part is null || IndexOf(part.SignatureIds, row.Id) is not { } local)
            return null;
        var seal = await db.ListSeals.AsNoTracking().SingleAsync(s => s.Id == sealId, cancellationToken);
        var statement = SealStatement.Read(seal.Statement)!;
        // The entry as it would be sealed now, under the names rule the seal was made with.
        var entry = SealEntry.Bytes(letter.Slug, letter.Fields, row, salt, namesPublic: !statement.NamesHeld);
        var leaves = Hashes(part.Leaves);
        if (!MerkleTree.LeafHash(entry).AsSpan().SequenceEqual(leaves[local]))
            return null;
        var path = MerkleTree.Path(leaves, local);
        var partRoots = Hashes(seal.PartRoots);
        if (partRoots.Count > 1)
            path.AddRange(MerkleTree.Path(partRoots, part.Index));
        return new SealReceipt(SealReceipt.TypeName, letter.Slug, seal.Number, System.Text.Encoding.UTF8.GetString(entry),
            (long)part.Index * ListSealPart.Size + local, seal.Size, path.Select(Convert.ToHexStringLower).ToList(),
            Convert.ToHexStringLower(seal.Root), Convert.ToBase64String(seal.Statement), Convert.ToBase64String(seal.Signature),
            site.Value.Link(SealLinks.Statement(letter.Slug, seal.Number)), site.Value.Link(ExportSigningKey.WellKnownPath));
    }

    static int? IndexOf(byte[] ids, long id)
    {
        int low = 0, high = ids.Length / sizeof(long) - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var at = BinaryPrimitives.ReadInt64LittleEndian(ids.AsSpan(mid * sizeof(long)));
            if (at == id)
                return mid;
            if (at < id)
                low = mid + 1;
            else
                high = mid - 1;
        }
        return null;
    }

    static List<byte[]> Hashes(byte[] packed) =>
        Enumerable.Range(0, packed.Length / MerkleTree.HashSize).Select(i => packed[(i * MerkleTree.HashSize)..((i + 1) * MerkleTree.HashSize)]).ToList();
}

/// <summary>A seal as a delivery names it: its number, the count it holds and its root.</summary>
public record SealMark(int Number, int Size, string Root);

public static class SealLinks
{
    public static string Statement(string slug, int number) => $"/letters/{slug}/seals/{number}";
    public static string StatementSignature(string slug, int number) => $"/letters/{slug}/seals/{number}.sig";
    public const string VerifyPage = "/verify";
}
