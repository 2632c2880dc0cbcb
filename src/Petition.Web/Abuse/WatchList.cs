using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Petition.Data;
using Petition.Data.Signatures;

namespace Petition.Web.Abuse;

/// <summary>
/// The impersonation guard: the organisers' watch list and every notable signatory on the site. A signature whose
/// name is like one of them (<see cref="NameLikeness"/>) waits for a moderator whatever the letter's moderation mode,
/// both when it is confirmed and when its signer renames it later (<see cref="HoldReasonAsync"/>, the one rule both
/// paths ask). Read from the database at most every half minute, like the block rules, with each name reduced to
/// its words once, so a confirmation compares words and parses nothing.
/// </summary>
public class WatchList(IServiceScopeFactory scopes, IMemoryCache cache)
{
    static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    record Entry(string Name, string What, long? SignatureId, IReadOnlyList<string> Words);

    /// <summary>
    /// Why this signature must wait for a moderator, for the review queue ("Held: the name is like one on the watch
    /// list: …"); null when its name is like no watched one (a notable signatory is not held for their own name).
    /// A signature for an organisation is compared by the organisation's name too: that is the name the list shows.
    /// </summary>
    public async Task<string?> HoldReasonAsync(Signature signature, CancellationToken cancellationToken)
    {
        string?[] names = signature.ForOrganisation ? [signature.Name, signature.Organization] : [signature.Name];
        var entries = await EntriesAsync(cancellationToken);
        foreach (var name in names.OfType<string>())
        {
            var words = NameLikeness.Words(name);
            foreach (var entry in entries)
                if (entry.SignatureId != signature.Id && NameLikeness.Alike(words, entry.Words))
                    return $"Held: the name is like one on the {entry.What}: {entry.Name}";
        }
        return null;
    }

    public void Invalidate() => cache.Remove(nameof(WatchList));

    async Task<List<Entry>> EntriesAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(nameof(WatchList), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = MaxAge;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
            var watched = await db.WatchedNames.AsNoTracking().Select(w => w.Name).ToListAsync(cancellationToken);
            // A notable signatory is listed by name (the clear column holds it), so reading it here reads nothing private.
            var notable = await db.Signatures.AsNoTracking()
                .Where(s => s.Notable && s.State == SignatureState.Published && s.Name != "")
                .Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
            return watched.Select(n => new Entry(n, "watch list", null, NameLikeness.Words(n)))
                .Concat(notable.Select(s => new Entry(s.Name, "notable signatory", s.Id, NameLikeness.Words(s.Name)))).ToList();
        }))!;
}
