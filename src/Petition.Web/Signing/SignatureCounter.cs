using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Petition.Data;
using Petition.Data.Signatures;

namespace Petition.Web.Signing;

/// <summary>Published: every published signature. Listed: those whose names the public list shows.</summary>
public record SignatureCounts(int Published, int Listed);

/// <summary>
/// The counts the public sees, read from the database at most once per letter every few seconds rather than per
/// request, and without a counter row that every signature would have to update.
/// </summary>
public class SignatureCounter(IServiceScopeFactory scopes, IMemoryCache cache)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    public Task<SignatureCounts> GetAsync(int letterId, CancellationToken cancellationToken = default) =>
        cache.GetOrCreateAsync(Key(letterId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = MaxAge;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
            var byListing = await db.Signatures
                .Where(s => s.LetterId == letterId && s.State == SignatureState.Published)
                .GroupBy(s => s.ListPublicly && !s.Hidden)
                .Select(g => new { Listed = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return new SignatureCounts(byListing.Sum(g => g.Count), byListing.Where(g => g.Listed).Sum(g => g.Count));
        })!;

    /// <summary>After a change made here, the next reader on this instance sees it at once.</summary>
    public void Invalidate(int letterId) => cache.Remove(Key(letterId));

    static string Key(int letterId) => $"signature-counts:{letterId}";
}
