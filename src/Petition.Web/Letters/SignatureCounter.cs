using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Signatures;

namespace Petition.Web.Letters;

/// <summary>
/// Published: every published signature. Listed: those whose names the public list shows. Organisations: the
/// published signatures on behalf of an organisation, counted apart from individuals (part of Published).
/// </summary>
public record SignatureCounts(int Published, int Listed, int Organisations = 0)
{
    public int Individuals => Published - Organisations;
}

/// <summary>
/// The counts the public sees, read from the database at most once per letter every few seconds rather than per
/// request, and without a counter row that every signature would have to update. One query per letter runs at a
/// time, however many requests ask; while it refreshes a stale count, they get the previous one. After a change
/// here, readers wait for a count that started after it, and a burst of changes costs one more count, not one each.
/// </summary>
public class SignatureCounter(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A count that took long is kept longer: at least ten times what it took, so that counting a million rows (about
    /// 0.4 s on two cores, using both) takes a tenth of the machine at most, not a fifth. Small letters keep 2 s.
    /// "Took long" means twice running, not once: a first count on a cold app or a busy moment is no reason to let
    /// the count go stale; and never past <see cref="LongestAge"/>.
    /// </summary>
    const int FreshForTimesItsCost = 10;
    public static readonly TimeSpan LongestAge = TimeSpan.FromSeconds(10);

    readonly ConcurrentDictionary<int, Entry> entries = new();

    sealed class Entry(int letterId)
    {
        public readonly int LetterId = letterId;
        public SignatureCounts? Last;

        /// <summary>A monotonic timestamp: the age of a cached count is not a date in the letter's life.</summary>
        public long ReadAt;

        /// <summary>How long <see cref="Last"/> stays fresh: <see cref="MaxAge"/>, or longer for a costly count.</summary>
        public TimeSpan FreshFor = MaxAge;

        /// <summary>What the previous count took; null before the first.</summary>
        public TimeSpan? LastCost;

        /// <summary>Changes made here so far (<see cref="Forget"/>), and how many of them the running count sees.</summary>
        public int Changes, RunningSees;

        /// <summary>The count under way, if any: a finished one is never waited on, whatever the field still holds.</summary>
        public Task<SignatureCounts>? Running;

        /// <summary>Confirmations counted here (<see cref="Add"/>) since the running count started.</summary>
        public int PublishedSince, ListedSince, OrganisationsSince;
    }

    public Task<SignatureCounts> GetAsync(int letterId, CancellationToken cancellationToken = default)
    {
        var entry = entries.GetOrAdd(letterId, id => new Entry(id));
        Task<SignatureCounts> counting;
        lock (entry)
        {
            if (entry.Last is not null && time.GetElapsedTime(entry.ReadAt) < entry.FreshFor)
                return Task.FromResult(entry.Last);
            if (entry.Running is not { IsCompleted: false })
                StartCount(entry);
            if (entry.Last is not null)
                return Task.FromResult(entry.Last); // stale by less than one query: better than a queue of readers
            counting = Seeing(entry, entry.Changes);
        }
        // Shared by every waiting reader, so it runs without any one reader's cancellation.
        return counting.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// A count that sees the first <paramref name="changes"/> changes made here; the caller holds the lock and a count
    /// is running. One that started before them cannot answer for them: the reader waits for it to end, then for the
    /// count after it, which sees them whatever happens meanwhile. Every wait is on a count that is running, so no
    /// reader is left waiting on one that nobody will start, and none waits for more than two.
    /// </summary>
    Task<SignatureCounts> Seeing(Entry entry, int changes) =>
        entry.RunningSees >= changes ? entry.Running! : AfterAsync(entry, entry.Running!, changes);

    async Task<SignatureCounts> AfterAsync(Entry entry, Task running, int changes)
    {
        await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task<SignatureCounts> next;
        lock (entry)
        {
            if (entry.Running is not { IsCompleted: false })
                StartCount(entry);
            next = Seeing(entry, changes);
        }
        return await next.ConfigureAwait(false);
    }

    /// <summary>At most one count per letter runs at a time; readers who need a later one wait for it to end.</summary>
    void StartCount(Entry entry)
    {
        entry.RunningSees = entry.Changes;
        entry.PublishedSince = entry.ListedSince = entry.OrganisationsSince = 0;
        entry.Running = CountIntoAsync(entry);
    }

    async Task<SignatureCounts> CountIntoAsync(Entry entry)
    {
        try
        {
            var started = time.GetTimestamp();
            var counts = await CountAsync(entry.LetterId).ConfigureAwait(false);
            lock (entry)
            {
                if (entry.RunningSees == entry.Changes)
                {
                    // A confirmation that raced the count's start may be in both; the next count settles it.
                    counts = new SignatureCounts(counts.Published + entry.PublishedSince, counts.Listed + entry.ListedSince,
                        counts.Organisations + entry.OrganisationsSince);
                    entry.Last = counts;
                    entry.ReadAt = time.GetTimestamp();
                    var took = time.GetElapsedTime(started);
                    var steady = entry.LastCost is { } previous && previous < took ? previous : entry.LastCost is null ? TimeSpan.Zero : took;
                    entry.LastCost = took;
                    var longer = steady * FreshForTimesItsCost;
                    entry.FreshFor = longer > MaxAge ? (longer < LongestAge ? longer : LongestAge) : MaxAge;
                }
            }
            return counts;
        }
        finally
        {
            lock (entry)
                entry.Running = null;
        }
    }

    async Task<SignatureCounts> CountAsync(int letterId)
    {
        // The caller holds a lock: never run the query inside it. To the thread pool, not to the first reader's
        // synchronization context (a test framework's has few threads, and every reader of the letter waits here).
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var byListing = await db.Signatures
            .Where(s => s.LetterId == letterId && s.State == SignatureState.Published)
            .GroupBy(PublicList.Project((s, listed) => new { Listed = listed, s.ForOrganisation }))
            .Select(g => new { g.Key.Listed, g.Key.ForOrganisation, Count = g.Count() })
            .ToListAsync().ConfigureAwait(false);
        return new SignatureCounts(byListing.Sum(g => g.Count), byListing.Where(g => g.Listed).Sum(g => g.Count),
            byListing.Where(g => g.ForOrganisation).Sum(g => g.Count));
    }

    /// <summary>
    /// After a change told through <see cref="Letters.PublicView.Changed"/>, the next reader on this instance waits
    /// for a count made after it: a count already under way does not answer for it.
    /// </summary>
    public void Forget(int letterId)
    {
        if (entries.TryGetValue(letterId, out var entry))
        {
            lock (entry)
            {
                entry.Changes++;
                entry.Last = null;
            }
        }
    }

    /// <summary>
    /// A confirmation published one signature (told through <see cref="Letters.PublicView.Published"/>). The count
    /// moves at once, without a recount: a viral letter confirms hundreds a second, and a count of a million rows
    /// after each of them kept a core busy. The count from the database, every few seconds, stays the truth.
    /// </summary>
    public void Add(int letterId, bool listed, bool organisation)
    {
        // A letter never counted here has nothing to move: its first reader counts it afresh.
        if (!entries.TryGetValue(letterId, out var entry))
            return;
        lock (entry)
        {
            if (entry.Last is not { } last)
            {
                entry.Changes++; // a first count is under way: readers wait for one that sees this
                return;
            }
            entry.Last = new SignatureCounts(last.Published + 1, last.Listed + (listed ? 1 : 0), last.Organisations + (organisation ? 1 : 0));
            if (entry.Running is not null)
            {
                entry.PublishedSince++;
                if (listed) entry.ListedSince++;
                if (organisation) entry.OrganisationsSince++;
            }
        }
    }
}
