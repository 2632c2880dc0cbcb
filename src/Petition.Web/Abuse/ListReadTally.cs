using System.Collections.Concurrent;

namespace Petition.Web.Abuse;

/// <summary>
/// Who reads many pages of a letter's list: per letter, per client network (keyed hash) and hour, the list pages,
/// searches and downloads this instance served past its cache. A scraper walking a large list shows here beside
/// the sign floods, whatever spelling of the list it used. Kept in memory, for two days, bounded.
/// </summary>
public sealed class ListReadTally(TimeProvider time, Keys.PersonalDataKeys keys)
{
    const int MaxEntries = 200_000;
    static readonly TimeSpan Kept = TimeSpan.FromHours(48);
    readonly ConcurrentDictionary<(int Letter, string Network, long Hour), int> reads = new();

    public void Record(HttpContext http, int letterId)
    {
        var network = NetworkHash.Of(http.Connection.RemoteIpAddress?.ToString(), keys) ?? "unknown";
        var hour = time.GetUtcNow().UtcTicks / TimeSpan.TicksPerHour;
        if (reads.Count >= MaxEntries)
            Prune(hour);
        reads.AddOrUpdate((letterId, network, hour), 1, (_, n) => n + 1);
    }

    /// <summary>The clients that read at least <paramref name="threshold"/> pages in one hour of the last <paramref name="hours"/>, most first.</summary>
    public IReadOnlyList<ListReader> Heavy(int letterId, int hours, int threshold)
    {
        var now = time.GetUtcNow().UtcTicks / TimeSpan.TicksPerHour;
        return reads.Where(r => r.Key.Letter == letterId && r.Key.Hour > now - hours && r.Value >= threshold)
            .Select(r => new ListReader(r.Key.Network, new DateTimeOffset(r.Key.Hour * TimeSpan.TicksPerHour, TimeSpan.Zero), r.Value))
            .OrderByDescending(r => r.Pages).ThenByDescending(r => r.Hour).Take(100).ToList();
    }

    void Prune(long hour)
    {
        var oldest = hour - (long)Kept.TotalHours;
        foreach (var key in reads.Keys.Where(k => k.Hour < oldest))
            reads.TryRemove(key, out _);
        // Still full of this hour's readers (a flood of networks): the smallest counts go first.
        if (reads.Count >= MaxEntries)
            foreach (var key in reads.OrderBy(r => r.Value).Take(MaxEntries / 4).Select(r => r.Key))
                reads.TryRemove(key, out _);
    }
}

public record ListReader(string Network, DateTimeOffset Hour, int Pages);
