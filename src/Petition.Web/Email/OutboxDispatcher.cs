using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Petition.Data;
using Petition.Data.Outbox;
using Petition.Web.Database;

namespace Petition.Web.Email;

/// <summary>
/// Sends what the outbox holds. A message is marked sent only after the transport took it, and retried with
/// growing delays when it did not, so an SMTP outage delays mail and loses none. Several senders run at once on
/// PostgreSQL (Email:ConcurrentSenders), each with its own claimed batch and connection: a viral letter queues
/// thousands of confirmations a second, and one sender waiting on each message's round trip fell minutes behind.
/// </summary>
public class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<EmailOptions> options,
    IOptions<DatabaseOptions> database,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    const int BatchSize = 100;
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>
    /// No message of a batch is started after this: with each send bounded by Email:Smtp:Timeout (at most two
    /// minutes here), the batch is over before its lease ends, and no other sender can claim a row it still holds.
    /// </summary>
    static readonly TimeSpan SendWithin = Lease / 2;

    TimeSpan SendTimeout => options.Value.Smtp.Timeout < Lease / 4 ? options.Value.Smtp.Timeout : Lease / 4;

    /// <summary>
    /// Sent messages are marked in one statement per this much sending, not one transaction each: at most this
    /// long of mail is sent a second time after a crash (with the same Message-Id), where a commit per message
    /// had capped a sender at about 200 messages a second.
    /// </summary>
    static readonly TimeSpan MarkSentEvery = TimeSpan.FromMilliseconds(50);

    readonly Lazy<MailboxAddress> sender = new(() => MailboxAddress.Parse(options.Value.From));

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var senders = database.Value.IsSqlite
            ? 1 // one writer at a time: a second sender would only wait for the first
            : options.Value.ConcurrentSenders;
        return Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(() => SendLoopAsync(stoppingToken), CancellationToken.None)));
    }

    async Task SendLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The outbox dispatcher failed; it will try again");
                sent = 0;
            }
            if (sent < BatchSize)
            {
                try { await signal.WaitAsync(options.Value.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Claims one batch and tries each message in it; returns how many were claimed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var messages = await OutboxClaim.ClaimAsync(db, time.GetUtcNow(), Lease, BatchSize, cancellationToken);
        if (messages.Count == 0)
            return 0;
        var sent = new List<long>();
        var claimedAt = time.GetTimestamp();
        var marked = claimedAt;
        IMailSession? session = null;
        try
        {
            for (var i = 0; i < messages.Count; i++)
            {
                var message = messages[i];
                if (time.GetElapsedTime(claimedAt) >= SendWithin)
                {
                    await ReleaseAsync(db, messages[i..]); // a slow relay: the rest goes back before the lease ends
                    break;
                }
                MimeMessage mime;
                try
                {
                    // Before the send's own time-out: a pack's PDF may take seconds to make for a long list.
                    mime = await ToMimeAsync(message, scope.ServiceProvider, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    RecordFailure(message, e);
                    await db.SaveChangesAsync(CancellationToken.None);
                    continue;
                }
                using var perMessage = new CancellationTokenSource(SendTimeout, time);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, perMessage.Token);
                try
                {
                    session ??= await transport.OpenAsync(either.Token);
                    await session.SendAsync(mime, either.Token);
                    sent.Add(message.Id);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    RecordFailure(message, e);
                    await db.SaveChangesAsync(CancellationToken.None);
                    if (session is not null) await session.DisposeAsync();
                    session = null; // a broken connection is not reused
                    if (IsHang(e))
                    {
                        // A relay that accepts and never answers would cost every message its timeout, and the
                        // batch would outlive its lease: the rest goes back to the outbox, unattempted.
                        await ReleaseAsync(db, messages[(i + 1)..]);
                        break;
                    }
                }
                if (time.GetElapsedTime(marked) >= MarkSentEvery)
                {
                    await MarkSentAsync(db, sent);
                    marked = time.GetTimestamp();
                }
            }
        }
        finally
        {
            // Also when cancelled half way: what the transport took is marked, whatever happens to the rest.
            await MarkSentAsync(db, sent);
            if (session is not null) await session.DisposeAsync();
        }
        return messages.Count;
    }

    /// <summary>A send that timed out (MailKit's Timeout, or ours on the app's clock), as opposed to a refusal.</summary>
    static bool IsHang(Exception e) => e is TimeoutException or OperationCanceledException || e.InnerException is TimeoutException;

    /// <summary>Claimed but not tried: due again at once, for this sender or another, with no attempt counted.</summary>
    static async Task ReleaseAsync(PetitionDbContext db, IEnumerable<OutboxMessage> untried)
    {
        foreach (var message in untried)
            message.LockedUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    async Task MarkSentAsync(PetitionDbContext db, List<long> sent)
    {
        if (sent.Count == 0)
            return;
        var now = time.GetUtcNow();
        await db.Outbox.Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(m => m
            .SetProperty(x => x.SentAt, now)
            .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null)
            // Sent: the recipient, the body and its live links are not kept; the row stays for the counts.
            .SetProperty(x => x.Sealed, (byte[]?)null), CancellationToken.None);
        sent.Clear();
    }

    void RecordFailure(OutboxMessage message, Exception e)
    {
        var now = time.GetUtcNow();
        message.Attempts++;
        message.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
        message.LockedUntil = null;
        if (message.Attempts >= options.Value.MaxAttempts)
        {
            message.FailedAt = now;
            logger.LogError(e, "Gave up on outbox message {Id} after {Attempts} attempts", message.Id, message.Attempts);
            return;
        }
        message.NextAttemptAt = now + Backoff(message.Attempts);
        logger.LogWarning("Outbox message {Id} failed (attempt {Attempts}), next try at {Next}: {Error}",
            message.Id, message.Attempts, message.NextAttemptAt, e.Message);
    }

    /// <summary>5 s, 10 s, 20 s … doubling, at most an hour apart.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, Math.Min(attempts - 1, 20))));

    async Task<MimeMessage> ToMimeAsync(OutboxMessage message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var from = sender.Value;
        // Plain text and the same words as simple HTML (escaped, links made clickable, no remote images).
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = EmailHtml.From(message.TextBody) };
        if (message.AttachPackId is { } packId)
            foreach (var file in await services.GetRequiredService<IOutboxAttachments>().ForPackAsync(packId, cancellationToken))
                body.Attachments.Add(file);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Body = body.ToMessageBody(),
            // The same id on every attempt, so a receiver can drop a copy after an ambiguous failure.
            MessageId = $"outbox-{message.Id}.{message.CreatedAt.ToUnixTimeSeconds()}@{from.Domain}",
        };
        // In the organiser's name when the letter has one, always at the site's own address (SPF and DKIM stay true).
        mime.From.Add(new MailboxAddress(string.IsNullOrWhiteSpace(message.FromName) ? from.Name : message.FromName, from.Address));
        if (message.ReplyTo is { Length: > 0 } replyTo && MailboxAddress.TryParse(replyTo, out var replyAddress))
            mime.ReplyTo.Add(replyAddress);
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        if (message.Unsubscribe is { Length: > 0 } unsubscribe)
        {
            // RFC 8058: the mail reader's own unsubscribe button POSTs to the address, without opening a page.
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mime;
    }
}
