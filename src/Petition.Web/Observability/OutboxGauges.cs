using Microsoft.EntityFrameworkCore;
using Petition.Data;

namespace Petition.Web.Observability;

public record OutboxReading(int Depth, TimeSpan OldestAge);

/// <summary>
/// The outbox as a scrape sees it, read from the database at most once per <see cref="MaxAge"/> however often
/// scrapers come. Gauge callbacks are synchronous, hence the synchronous queries.
/// </summary>
public sealed class OutboxGauges(IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxGauges> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    readonly Lock gate = new();
    OutboxReading last = new(0, TimeSpan.Zero);
    long? readAt; // monotonic, for the throttle

    public OutboxReading Read()
    {
        lock (gate)
        {
            if (readAt is { } at && time.GetElapsedTime(at) < MaxAge)
                return last;
            readAt = time.GetTimestamp();
            var now = time.GetUtcNow();
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
                var waiting = db.Outbox.AsNoTracking().Where(m => m.SentAt == null && m.FailedAt == null);
                var depth = waiting.Count();
                var oldest = depth == 0 ? (DateTimeOffset?)null
                    : waiting.OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefault();
                last = new OutboxReading(depth, oldest is { } created && created < now ? now - created : TimeSpan.Zero);
            }
            catch (Exception e)
            {
                // The database being down shows in /healthz and in the request metrics; keep the last reading.
                logger.LogDebug(e, "Could not read the outbox for the metrics");
            }
            return last;
        }
    }
}
