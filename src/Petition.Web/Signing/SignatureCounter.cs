using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Signatures;
using Petition.Web.Caching;

namespace Petition.Web.Signing;

/// <summary>Published: every published signature. Listed: those whose names the public list shows.</summary>
public record SignatureCounts(int Published, int Listed);

/// <summary>
/// The counts the public sees, read from the database at most once per letter every few seconds rather than per
/// request, and without a counter row that every signature would have to update. One query per letter runs at a
/// time, however many requests ask; while it refreshes a stale count, they get the previous one.
/// </summary>
public class SignatureCounter(IServiceScopeFactory scopes, IOutputCacheStore outputCache, ILogger<SignatureCounter> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    readonly ConcurrentDictionary<int, Entry> entries = new();

    sealed class Entry
    {
        public SignatureCounts? Last;
        /// <summary>A monotonic timestamp: the age of a cached count is not a date in the letter's life.</summary>
        public long ReadAt;
        public Task<SignatureCounts>? Refreshing;
        public int Generation;
    }

    public Task<SignatureCounts> GetAsync(int letterId, CancellationToken cancellationToken = default)
    {
        var entry = entries.GetOrAdd(letterId, _ => new Entry());
        Task<SignatureCounts> refreshing;
        lock (entry)
        {
            var fresh = entry.Last is not null && Stopwatch.GetElapsedTime(entry.ReadAt) < MaxAge;
            if (fresh)
                return Task.FromResult(entry.Last!);
            refreshing = entry.Refreshing ??= RefreshAsync(letterId, entry, entry.Generation);
            if (entry.Last is not null)
                return Task.FromResult(entry.Last); // stale by less than one query: better than a queue of readers
        }
        // Shared by every waiting reader, so it runs without any one reader's cancellation.
        return refreshing.WaitAsync(cancellationToken);
    }

    async Task<SignatureCounts> RefreshAsync(int letterId, Entry entry, int generation)
    {
        try
        {
            var counts = await CountAsync(letterId);
            lock (entry)
            {
                if (entry.Generation == generation)
                {
                    entry.Last = counts;
                    entry.ReadAt = Stopwatch.GetTimestamp();
                }
            }
            return counts;
        }
        finally
        {
            lock (entry)
            {
                if (entry.Generation == generation)
                    entry.Refreshing = null;
            }
        }
    }

    async Task<SignatureCounts> CountAsync(int letterId)
    {
        await Task.Yield(); // the caller holds a lock: never run the query inside it
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var byListing = await db.Signatures
            .Where(s => s.LetterId == letterId && s.State == SignatureState.Published)
            .GroupBy(s => s.ListPublicly && !s.Hidden)
            .Select(g => new { Listed = g.Key, Count = g.Count() })
            .ToListAsync();
        return new SignatureCounts(byListing.Sum(g => g.Count), byListing.Where(g => g.Listed).Sum(g => g.Count));
    }

    /// <summary>
    /// After a change made here, the next reader on this instance sees it at once: the count and the cached pages
    /// and API answers that show it are dropped, and a count already under way is not trusted.
    /// </summary>
    public void Invalidate(int letterId)
    {
        if (entries.TryGetValue(letterId, out var entry))
        {
            lock (entry)
            {
                entry.Generation++;
                entry.Last = null;
                entry.Refreshing = null;
            }
        }
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
}
