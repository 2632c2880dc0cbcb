using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Petition.Tests.Infrastructure;
using Petition.Web.Caching;

namespace Petition.Tests.Unit;

public class CoalescedEvictionTests
{
    sealed class RecordingStore : IOutputCacheStore
    {
        public readonly List<string> Evicted = [];
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            lock (Evicted) Evicted.Add(tag);
            return ValueTask.CompletedTask;
        }
        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);
        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        public int Count(string tag) { lock (Evicted) return Evicted.Count(t => t == tag); }
    }

    [Fact]
    public async Task A_quiet_tag_is_evicted_at_once_and_a_burst_after_it_once_more_at_the_end_of_the_interval()
    {
        var store = new RecordingStore();
        var clock = new FakeTimeProvider();
        var evictions = new CoalescedEviction(store, TimeSpan.FromMilliseconds(300), clock, NullLogger.Instance);

        evictions.Request("letter:1");
        Assert.Equal(1, store.Count("letter:1"));

        for (var i = 0; i < 50; i++)
            evictions.Request("letter:1");
        Assert.Equal(1, store.Count("letter:1")); // the burst waits for the interval

        clock.Advance(TimeSpan.FromMilliseconds(299));
        Assert.Equal(1, store.Count("letter:1")); // not a moment before the interval is up

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.HoldsAsync(() => store.Count("letter:1") == 2, "the burst's eviction");
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, store.Count("letter:1")); // one eviction for the whole burst, none left over

        evictions.Request("letter:1");
        Assert.Equal(3, store.Count("letter:1")); // quiet again: at once
    }

    [Fact]
    public void Tags_are_coalesced_apart_and_an_eviction_asked_for_now_is_never_held_back()
    {
        var store = new RecordingStore();
        var evictions = new CoalescedEviction(store, TimeSpan.FromMinutes(1), new FakeTimeProvider(), NullLogger.Instance);
        evictions.Request("letter:1");
        evictions.Request("letter:2");
        evictions.Now("letter:1");
        Assert.Equal(2, store.Count("letter:1"));
        Assert.Equal(1, store.Count("letter:2"));
    }
}
