using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Web.Keys;

namespace Petition.Web.Signing;

/// <summary>
/// Which addresses withdrew from a letter, so that an organiser's import cannot sign them up again. Only a keyed
/// hash (<see cref="PersonalDataKeys.AddressHash"/>, the same that finds a signature) of the canonical address is kept: without the key
/// the record names no one, and a withdrawn signer's address is still erased. Signing again through the form
/// stays open: that is the signer's own choice, confirmed by email.
/// </summary>
public class WithdrawnAddresses(PetitionDbContext db, PersonalDataKeys keys)
{

    /// <summary>
    /// Written inside the erasure's transaction. A second withdrawal of the same address (signed again, withdrew
    /// again; or the button pressed twice) leaves the one record, without a key violation to fail the second.
    /// </summary>
    public Task RecordAsync(int letterId, string hash, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "WithdrawnAddresses" ("LetterId", "AddressHash") VALUES ({letterId}, {hash}) ON CONFLICT DO NOTHING""",
            cancellationToken);

    /// <summary>The canonical addresses among these that withdrew from the letter.</summary>
    public async Task<HashSet<string>> AmongAsync(int letterId, IEnumerable<string> canonicals, CancellationToken cancellationToken)
    {
        // A letter no one withdrew from needs neither the key nor a hash.
        if (!await db.WithdrawnAddresses.AnyAsync(w => w.LetterId == letterId, cancellationToken))
            return [];
        var byHash = canonicals.Distinct().ToDictionary(keys.AddressHash);
        var found = new HashSet<string>();
        foreach (var chunk in byHash.Keys.Chunk(500))
            found.UnionWith(await db.WithdrawnAddresses.Where(w => w.LetterId == letterId && chunk.Contains(w.AddressHash))
                .Select(w => w.AddressHash).ToListAsync(cancellationToken));
        return found.Select(hash => byHash[hash]).ToHashSet();
    }
}
