using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Petition.Data;
using Petition.Data.Outbox;

namespace Petition.Web.Email;

/// <summary>
/// Sends what the outbox holds. A message is marked sent only after the transport took it, and retried with
/// growing delays when it did not, so an SMTP outage delays mail and loses none.
/// </summary>
public class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<EmailOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    const int BatchSize = 50;
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
        var ids = await OutboxClaim.ClaimAsync(db, time.GetUtcNow(), Lease, BatchSize, cancellationToken);
        if (ids.Count == 0)
            return 0;

        var messages = await db.Outbox.Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        IMailSession? session = null;
        try
        {
            foreach (var message in messages)
            {
                try
                {
                    session ??= await transport.OpenAsync(cancellationToken);
                    await session.SendAsync(ToMime(message), cancellationToken);
                    message.SentAt = time.GetUtcNow();
                    message.LockedUntil = null;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    RecordFailure(message, e);
                    if (session is not null) await session.DisposeAsync();
                    session = null; // a broken connection is not reused
                }
                // Saved one by one: a crash after the tenth message must not resend the first nine.
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        finally
        {
            if (session is not null) await session.DisposeAsync();
        }
        return ids.Count;
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

    MimeMessage ToMime(OutboxMessage message)
    {
        var from = MailboxAddress.Parse(options.Value.From);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Body = new TextPart("plain") { Text = message.TextBody },
            // The same id on every attempt, so a receiver can drop a copy after an ambiguous failure.
            MessageId = $"outbox-{message.Id}.{message.CreatedAt.ToUnixTimeSeconds()}@{from.Domain}",
        };
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        return mime;
    }
}
