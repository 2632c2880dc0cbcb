using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Petition.Data;
using Petition.Data.Signatures;
using Petition.Web.Caching;

namespace Petition.Web.Signing;

public record SignatureCounts(int Published, int Listed);

/// <summary>
/// The counts the public sees, read from the database at most once per letter every few seconds rather than per
/// request, and without a counter row that every signature would have to update.
/// </summary>
public class SignatureCounter(IServiceScopeFactory scopes, IMemoryCache cache, IOutputCacheStore outputCache,
    ILogger<SignatureCounter> logger)
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
                .GroupBy(s => s.ListPublicly)
                .Select(g => new { Listed = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return new SignatureCounts(byListing.Sum(g => g.Count), byListing.Where(g => g.Listed).Sum(g => g.Count));
        })!;

    /// <summary>
    /// After a change made here, the next reader on this instance sees it at once: the count and the cached pages
    /// and API answers that show it are dropped.
    /// </summary>
    public void Invalidate(int letterId)
    {
        cache.Remove(Key(letterId));
        Evict(CachingSetup.LetterTag(letterId));
        Evict(CachingSetup.LettersTag);
    }

    void Evict(string tag)
    {
        // The in-process store evicts before it returns. A distributed one may finish later; its entries expire
        // within OutputCache:MaxAge whatever happens.
        var eviction = outputCache.EvictByTagAsync(tag, CancellationToken.None);
        if (!eviction.IsCompletedSuccessfully)
            _ = ObserveAsync(eviction, tag);
    }

    async Task ObserveAsync(ValueTask eviction, string tag)
    {
        try { await eviction; }
        catch (Exception e) { logger.LogWarning(e, "Could not evict the output cache entries tagged {Tag}", tag); }
    }

    static string Key(int letterId) => $"signature-counts:{letterId}";
}
