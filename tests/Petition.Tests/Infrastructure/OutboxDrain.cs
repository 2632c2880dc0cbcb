using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Petition.Web.Email;

namespace Petition.Tests.Infrastructure;

public static class OutboxDrain
{
    /// <summary>
    /// Sends, on the test's thread, whatever is due on the app's clock until nothing is: afterwards, a message that
    /// was not sent is one that was not due. A deterministic "nothing more will go out now", where a sleep would guess.
    /// The app's own sender may have claimed a message just before: its lease hides the message from this claim, so
    /// the drain also waits until no due message is held by a sender (the clock is fake: a lease never runs out by
    /// itself), and a message the SMTP server has is one whose send has finished.
    /// </summary>
    public static async Task DrainOutboxAsync(this PetitionApp app)
    {
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        await Eventually.HoldsAsync(async () =>
        {
            while (await dispatcher.DispatchBatchAsync(CancellationToken.None) > 0) { }
            var now = app.Clock.GetUtcNow();
            return !await app.Db(db => db.Outbox.AnyAsync(m => m.SentAt == null && m.FailedAt == null
                && m.NextAttemptAt <= now && m.LockedUntil != null && m.LockedUntil >= now));
        }, "no due email held by the app's own sender");
    }
}
