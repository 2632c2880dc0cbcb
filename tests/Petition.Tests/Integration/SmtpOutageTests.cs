using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Infrastructure;
using Petition.Web.Email;

namespace Petition.Tests.Integration;

/// <summary>
/// Fault drill: the SMTP server is down for a while. Signers are still answered, their mail waits in the outbox and
/// is retried with growing delays, and once the server is back every message arrives, and none twice.
/// </summary>
public class SmtpOutageTests
{
    [Fact]
    public async Task Mail_queued_while_the_smtp_server_is_down_is_retried_with_back_off_and_delivered_once_it_is_back()
    {
        await using var app = await PetitionApp.StartAsync();
        var letter = await app.AddLetterAsync(Signer.Unique("outage"));
        var client = app.Client();
        var emails = Enumerable.Range(0, 5).Select(_ => $"{Signer.Unique("outage")}@example.org").ToList();

        await app.Smtp.StopAsync();
        foreach (var email in emails)
            Assert.Equal(HttpStatusCode.Accepted, (await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Waiting Signer", email))).StatusCode);

        // First attempt fails (connection refused); the next is due after the first back-off.
        var firstTry = app.Clock.GetUtcNow();
        await Eventually.HoldsAsync(() => AllAsync(app, emails, m => m.Attempts == 1));
        foreach (var message in await MessagesAsync(app, emails))
        {
            Assert.Null(message.SentAt);
            Assert.NotNull(message.LastError);
            Assert.Equal(firstTry + OutboxDispatcher.Backoff(1), message.NextAttemptAt);
        }

        // Still down at the second attempt: the wait doubles.
        app.Clock.Advance(OutboxDispatcher.Backoff(1));
        await Eventually.HoldsAsync(() => AllAsync(app, emails, m => m.Attempts == 2));
        var secondTry = app.Clock.GetUtcNow();
        Assert.All(await MessagesAsync(app, emails), m => Assert.Equal(secondTry + OutboxDispatcher.Backoff(2), m.NextAttemptAt));
        Assert.All(emails, e => Assert.Empty(app.Smtp.To(e)));

        // The server is back, but nothing is sent before the back-off has passed.
        await app.Smtp.RestartAsync();
        app.Clock.Advance(OutboxDispatcher.Backoff(2) - TimeSpan.FromSeconds(1));
        await app.DrainOutboxAsync();
        Assert.All(emails, e => Assert.Empty(app.Smtp.To(e)));

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(() => AllAsync(app, emails, m => m.SentAt != null));
        await app.DrainOutboxAsync(); // nothing left that could make a second copy
        Assert.All(emails, e => Assert.Single(app.Smtp.To(e)));
        Assert.All(await MessagesAsync(app, emails), m => Assert.Equal(2, m.Attempts));
    }

    static Task<List<Data.Outbox.OutboxMessage>> MessagesAsync(PetitionApp app, List<string> emails)
    {
        var recipients = emails.Select(app.RecipientHash).ToList();
        return app.Db(db => db.Outbox.AsNoTracking().Where(m => recipients.Contains(m.ToHash!)).ToListAsync());
    }

    static async Task<bool> AllAsync(PetitionApp app, List<string> emails, Func<Data.Outbox.OutboxMessage, bool> condition)
    {
        var messages = await MessagesAsync(app, emails);
        return messages.Count == emails.Count && messages.All(condition);
    }
}
