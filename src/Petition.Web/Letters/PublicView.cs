using Microsoft.AspNetCore.OutputCaching;
using Petition.Web.Caching;
using Petition.Web.Database;
using Petition.Web.Signing;

namespace Petition.Web.Letters;

/// <summary>
/// The one place a change to what the public sees of a letter is told, and the one place that decides who hears it
/// and in what order. Every door that changes it calls one of two methods: <see cref="Published"/> when a signature
/// joins the count (a confirmation), <see cref="Changed"/> for anything else (a signature hidden, rejected,
/// withdrawn, corrected or imported, the text edited or translated, the letter closed or delivered).
/// </summary>
/// <remarks>
/// The order matters and lives here: the replica is fenced and the count forgotten before the cached pages are
/// dropped, so a page rendered again at once reads neither the replica from before the change nor the old count;
/// then what keeps its own copy of the list (the public export files, the breakdowns by country and section) hears
/// it through <see cref="ChangedHere"/> and <see cref="PublishedHere"/>.
/// </remarks>
public sealed class PublicView(SignatureCounter counter, ReadReplica replica, IOutputCacheStore outputCache, TimeProvider time,
    ILogger<PublicView> logger)
{
    /// <summary>Cached pages are dropped at most once a second per letter after a confirmation (<see cref="Published"/>).</summary>
    readonly CoalescedEviction evictions = new(outputCache, TimeSpan.FromSeconds(1), time, logger);

    /// <summary>Raised by <see cref="Changed"/>: something the public saw may have been taken back.</summary>
    public event Action<int>? ChangedHere;

    /// <summary>Raised by <see cref="Published"/>: the letter's public list has one more name than any figure read before.</summary>
    public event Action<int>? PublishedHere;

    /// <summary>
    /// The letter's public view changed in a way the count cannot follow by adding one: the next reader on this
    /// instance sees it at once, and other instances within their cache's age.
    /// </summary>
    public void Changed(int letterId)
    {
        // The pages about to be rendered again must not be rendered from a replica that has not seen the change.
        replica.Fence(letterId);
        counter.Forget(letterId);
        ChangedHere?.Invoke(letterId);
        evictions.Now(CachingSetup.LetterTag(letterId));
        evictions.Now(CachingSetup.LettersTag);
    }

    /// <summary>
    /// A confirmation published one signature here: the count moves by one without a recount, and the cached pages
    /// that show it are dropped at most once a second, so a burst of confirmations re-renders the letter page once
    /// a second, not once per signer.
    /// </summary>
    public void Published(int letterId, bool listed, bool organisation)
    {
        counter.Add(letterId, listed, organisation);
        PublishedHere?.Invoke(letterId);
        evictions.Request(CachingSetup.LetterTag(letterId));
        evictions.Request(CachingSetup.LettersTag);
    }
}
