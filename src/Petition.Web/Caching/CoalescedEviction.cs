using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;

namespace Petition.Web.Caching;

/// <summary>
/// Drops output-cache entries by tag, each tag at most once per interval: the first request for a quiet tag evicts
/// at once, and the requests that follow within the interval share one eviction at its end. A change is never
/// shown later than the interval, and a stream of changes cannot make every read render afresh.
/// </summary>
public sealed class CoalescedEviction(IOutputCacheStore store, TimeSpan interval, TimeProvider time, ILogger logger)
{
    sealed class Tag
    {
        public long EvictedAt;
        public bool Scheduled;
    }

    readonly ConcurrentDictionary<string, Tag> tags = new();

    /// <summary>Evicts now, whatever was evicted a moment ago.</summary>
    public void Now(string tag)
    {
        var state = tags.GetOrAdd(tag, _ => new Tag());
        lock (state) state.EvictedAt = time.GetTimestamp();
        Evict(tag);
    }

    /// <summary>Evicts now if the tag was not evicted within the interval, else once when the interval is up.</summary>
    public void Request(string tag)
    {
        var state = tags.GetOrAdd(tag, _ => new Tag());
        TimeSpan wait;
        lock (state)
        {
            if (state.Scheduled)
                return;
            wait = state.EvictedAt is 0 ? TimeSpan.Zero : interval - time.GetElapsedTime(state.EvictedAt);
            if (wait <= TimeSpan.Zero) // never evicted counts as long ago
            {
                state.EvictedAt = time.GetTimestamp();
                wait = TimeSpan.Zero;
            }
            else
            {
                state.Scheduled = true;
            }
        }
        if (wait == TimeSpan.Zero)
            Evict(tag);
        else
            _ = EvictLaterAsync(tag, state, wait);
    }

    async Task EvictLaterAsync(string tag, Tag state, TimeSpan wait)
    {
        await Task.Delay(wait, time);
        lock (state)
        {
            state.Scheduled = false;
            state.EvictedAt = time.GetTimestamp();
        }
        Evict(tag);
    }

    void Evict(string tag)
    {
        // The in-process store evicts before it returns. A distributed one may finish later; its entries expire
        // within OutputCache:MaxAge whatever happens.
        var eviction = store.EvictByTagAsync(tag, CancellationToken.None);
        if (!eviction.IsCompletedSuccessfully)
            _ = ObserveAsync(eviction, tag);
    }

    async Task ObserveAsync(ValueTask eviction, string tag)
    {
        try { await eviction; }
        catch (Exception e) { logger.LogWarning(e, "Could not evict the output cache entries tagged {Tag}", tag); }
    }
}
