using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Data.Signatures;
using Petition.Web.Database;

namespace Petition.Web.Privacy;

/// <summary>
/// Forgets what is no longer needed: unconfirmed signatures (rejected or not), request data past its time, expired links, sent mail.
/// One instance sweeps at a time (<see cref="JobLock"/>): the others skip the round, so several instances behind a
/// load balancer do not delete the same rows at once and wait on each other's locks.
/// </summary>
public class RetentionSweep(IServiceScopeFactory scopes, TimeProvider time, IOptions<PrivacyOptions> options,
    ILogger<RetentionSweep> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(options.Value.SweepInterval, time, SweepAsync, logger,
            "The retention sweep failed; it runs again at the next interval", stoppingToken);

    /// <summary>Sweeps, unless another instance is sweeping now (then <see cref="SweepResult.Skipped"/>).</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        return await JobLock.TryRunAsync(db, "retention-sweep", () => SweepInAsync(db, cancellationToken), cancellationToken)
            ?? SweepResult.Skipped;
    }

    async Task<SweepResult> SweepInAsync(PetitionDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var privacy = options.Value;

        var unconfirmedBefore = now - privacy.UnconfirmedRetention;
        var purged = await db.Signatures
            .Where(s => (s.State == SignatureState.Unverified || s.State == SignatureState.Rejected && s.ConfirmedAt == null)
                && s.CreatedAt < unconfirmedBefore)
            .ExecuteDeleteAsync(cancellationToken);

        var requestDataBefore = now - privacy.RequestDataRetention;
        var anonymised = await db.Signatures
            .Where(s => s.CreatedAt < requestDataBefore && s.SealedRequest != null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SealedRequest, (byte[]?)null), cancellationToken);

        anonymised += await EraseContactAfterCloseAsync(db, now, cancellationToken);

        await db.SignatureTokens.Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);

        var sentBefore = now - privacy.SentMailRetention;
        // Given-up mail goes on the same schedule as sent mail: it holds a recipient and live links too.
        await db.Outbox.Where(m => (m.SentAt != null && m.SentAt < sentBefore) || (m.FailedAt != null && m.FailedAt < sentBefore))
            .ExecuteDeleteAsync(cancellationToken);

        if (purged + anonymised > 0)
            logger.LogInformation("Retention sweep: {Purged} unconfirmed signatures deleted, {Anonymised} stripped of request data", purged, anonymised);
        return new SweepResult(purged, anonymised);
    }

    /// <summary>
    /// Letters whose work is done (closed, plus the days the organiser set): every signer's address and request data
    /// erased, and the address hashes with them; the public list, the sealed details and the counts stay.
    /// </summary>
    static async Task<int> EraseContactAfterCloseAsync(PetitionDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var letters = await db.Letters.AsNoTracking().Where(l => l.ContactRetentionDays != null).ToListAsync(cancellationToken);
        var erased = 0;
        foreach (var letter in letters.Where(l => ContactErasure.Due(l, now)))
            erased += await db.Signatures
                .Where(s => s.LetterId == letter.Id && (s.SealedEmail != null || s.SealedRequest != null))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.SealedEmail, (byte[]?)null)
                    .SetProperty(x => x.SealedRequest, (byte[]?)null)
                    .SetProperty(x => x.DomainHash, (string?)null)
                    .SetProperty(x => x.EmailHash, x => "erased:" + x.Id.ToString()), cancellationToken);
        return erased;
    }
}

/// <summary>Per letter, as its privacy notice says.</summary>
public static class ContactErasure
{
    /// <summary>Whether the letter's work is done and its signers' addresses are to go: closed, plus its days.</summary>
    public static bool Due(Petition.Data.Letters.Letter letter, DateTimeOffset now) =>
        letter.ContactRetentionDays is { } days
        && (letter.ClosesAt ?? (letter.Status == Petition.Data.Letters.LetterStatus.Closed ? letter.UpdatedAt : null)) is { } closed
        && closed.AddDays(days) <= now;
}

public record SweepResult(int Purged, int Anonymised, bool Ran = true)
{
    public static readonly SweepResult Skipped = new(0, 0, Ran: false);
}
