using Microsoft.EntityFrameworkCore;
using Petition.Data;

using Petition.Web.Keys;

namespace Petition.Web.Admin.Review;

public enum SignalKind { Domain, Network }

/// <summary>Confirmed signatures from one email domain or one network within one hour.</summary>
public record Signal(SignalKind Kind, string Key, DateTimeOffset Hour, int Count, double HourlyAverage, bool Spike)
{
    /// <summary>The review queue narrowed to exactly these signatures.</summary>
    public ReviewFilter Filter => new()
    {
        Domain = Kind == SignalKind.Domain ? Key : null,
        Network = Kind == SignalKind.Network ? Key : null,
        From = Hour.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm"),
        To = Hour.AddHours(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm"),
    };
}

/// <summary>
/// Counts confirmations per email domain and per network (hashed, so no address is shown) per hour. A spike is an
/// hour at or above the threshold and at least three times that domain's or network's hourly average over the
/// window, so a big provider's steady flow is not flagged but a sudden burst is.
/// </summary>
public class AbuseSignals(PetitionDbContext db, PersonalDataKeys keys, TimeProvider time)
{
    public const int SpikeFactor = 3;

    public async Task<IReadOnlyList<Signal>> FindAsync(int letterId, int hours, int threshold, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1 - hours);
        var rows = await db.Signatures.AsNoTracking()
            .Where(s => s.LetterId == letterId && s.ConfirmedAt != null && s.CreatedAt >= since)
            .Select(s => new { s.CreatedAt, s.DomainHash, s.NetworkHash, s.SealedEmail })
            .ToListAsync(cancellationToken);
        // Counted by the domain's keyed hash; named by opening one address of each.
        var domains = rows.Where(r => r.DomainHash is not null).GroupBy(r => r.DomainHash!)
            .ToDictionary(g => g.Key, g => g.Select(r => r.SealedEmail).FirstOrDefault(e => e is not null) is { } sealedEmail
                ? Text.EmailAddress.Domain(Petition.Data.Sealing.SealedStrings.Open(keys, sealedEmail, 1)[0] ?? "").ToLowerInvariant()
                : "(erased)");

        static DateTimeOffset HourOf(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);
        var keyed = rows.Where(r => r.DomainHash is not null).Select(r => (SignalKind.Domain, Key: domains[r.DomainHash!], Hour: HourOf(r.CreatedAt.ToUniversalTime())))
            .Concat(rows.Where(r => r.NetworkHash is not null).Select(r => (SignalKind.Network, Key: r.NetworkHash!, Hour: HourOf(r.CreatedAt.ToUniversalTime()))));

        var signals = new List<Signal>();
        foreach (var source in keyed.GroupBy(k => (k.Item1, k.Key)))
        {
            var average = (double)source.Count() / hours;
            signals.AddRange(source.GroupBy(k => k.Hour).Select(h =>
                new Signal(source.Key.Item1, source.Key.Key, h.Key, h.Count(), average,
                    h.Count() >= threshold && h.Count() >= SpikeFactor * average)));
        }
        return signals.OrderByDescending(s => s.Spike).ThenByDescending(s => s.Count).ThenByDescending(s => s.Hour).ToList();
    }
}
