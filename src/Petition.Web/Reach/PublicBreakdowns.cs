using System.Collections.Concurrent;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Reach;

/// <summary>
/// Each letter's <see cref="Breakdown"/>, kept in memory: three GROUP BYs over up to a million rows cost about what
/// the count does, so they run at most once per letter every <see cref="MinAge"/> (longer when they take long, like
/// the count: ten times what they took, up to <see cref="LongestAge"/>), one at a time, readers getting the previous
/// figures meanwhile. A take-back (<see cref="PublicView.ChangedHere"/>: a moderator hid or rejected someone,
/// a signer withdrew) drops them, and the next reader waits for figures counted after it, so a country or a
/// section never shows someone the list no longer does.
/// </summary>
public sealed class PublicBreakdowns
{
    public static readonly TimeSpan MinAge = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan LongestAge = TimeSpan.FromSeconds(60);
    const int FreshForTimesItsCost = 10;

    readonly IServiceScopeFactory scopes;
    readonly TimeProvider time;
    readonly ConcurrentDictionary<int, Entry> entries = new();

    public PublicBreakdowns(IServiceScopeFactory scopes, PublicView publicView, TimeProvider time)
    {
        (this.scopes, this.time) = (scopes, time);
        publicView.ChangedHere += Invalidate;
        publicView.PublishedHere += Added;
    }

    sealed class Entry
    {
        public Breakdown? Last;
        public long ReadAt;
        public TimeSpan FreshFor = MinAge;
        public int Changes;
        public Task<Breakdown>? Running;

        /// <summary>Confirmations counted here (<see cref="PublicView.PublishedHere"/>), and how many <see cref="Last"/> has seen.</summary>
        public int Added, AddedSeen;

        /// <summary>The letter as the latest reader had it: a count that runs again after a change reads its settings.</summary>
        public Letter? Letter;
    }

    public Task<Breakdown> GetAsync(Letter letter, CancellationToken cancellationToken = default)
    {
        var entry = entries.GetOrAdd(letter.Id, _ => new Entry());
        Task<Breakdown> running;
        lock (entry)
        {
            entry.Letter = letter;
            if (entry.Last is { } last && time.GetElapsedTime(entry.ReadAt) < entry.FreshFor)
                return Task.FromResult(last);
            running = entry.Running ??= CountAsync(entry);
            if (entry.Last is { } stale)
                return Task.FromResult(stale);
        }
        return running.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Whether the figures in hand are fresh and no confirmation here came after them, so a part they count as empty
    /// (a section of the list) is surely empty on this instance. Other instances' confirmations show within the age.
    /// </summary>
    public bool IsSettled(int letterId)
    {
        if (!entries.TryGetValue(letterId, out var entry))
            return false;
        lock (entry)
            return entry.Last is not null && entry.Added == entry.AddedSeen && time.GetElapsedTime(entry.ReadAt) < entry.FreshFor;
    }

    void Added(int letterId)
    {
        if (entries.TryGetValue(letterId, out var entry))
            lock (entry) entry.Added++;
    }

    void Invalidate(int letterId)
    {
        if (!entries.TryGetValue(letterId, out var entry))
            return;
        lock (entry)
        {
            entry.Changes++;
            entry.Last = null;
        }
    }

    async Task<Breakdown> CountAsync(Entry entry)
    {
        // Off the caller's lock and synchronization context (see SignatureCounter.CountAsync).
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        try
        {
            while (true)
            {
                int sees, added;
                Letter letter;
                lock (entry) (sees, added, letter) = (entry.Changes, entry.Added, entry.Letter!);
                var started = time.GetTimestamp();
                await using var scope = scopes.CreateAsyncScope();
                var breakdown = await BreakdownQueries.RunAsync(scope.ServiceProvider.GetRequiredService<PetitionDbContext>(), letter,
                    CancellationToken.None).ConfigureAwait(false);
                lock (entry)
                {
                    // A take-back while counting may be in these figures: count again rather than show it.
                    if (sees != entry.Changes)
                        continue;
                    var took = time.GetElapsedTime(started) * FreshForTimesItsCost;
                    entry.FreshFor = took < MinAge ? MinAge : took > LongestAge ? LongestAge : took;
                    entry.Last = breakdown;
                    entry.AddedSeen = added;
                    entry.ReadAt = time.GetTimestamp();
                    return breakdown;
                }
            }
        }
        finally
        {
            lock (entry) entry.Running = null;
        }
    }
}
