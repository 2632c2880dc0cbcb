using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Petition.Data;
using Petition.Data.Signatures;

namespace Petition.Web.Abuse;

/// <summary>
/// The impersonation guard: the organisers' watch list and every notable signatory on the site. A signature whose
/// name is like one of them (<see cref="NameLikeness"/>) is held for review when it is confirmed, whatever the
/// letter's moderation mode. Read from the database at most every half minute, like the block rules.
/// </summary>
public class WatchList(IServiceScopeFactory scopes, IMemoryCache cache)
{
    static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    /// <summary>What the name is like, for the moderators' queue ("watch list: …", "notable signatory: …"); null when nothing.</summary>
    public async Task<string?> MatchAsync(string name, long? signatureId, CancellationToken cancellationToken)
    {
        foreach (var (watched, what, id) in await EntriesAsync(cancellationToken))
            if (id != signatureId && NameLikeness.Alike(name, watched))
                return $"{what}: {watched}";
        return null;
    }

    public void Invalidate() => cache.Remove(nameof(WatchList));

    async Task<List<(string Name, string What, long? SignatureId)>> EntriesAsync(CancellationToken cancellationToken) =>
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
            return watched.Select(n => (n, "watch list", (long?)null))
                .Concat(notable.Select(s => (s.Name, "notable signatory", (long?)s.Id))).ToList();
        }))!;
}
