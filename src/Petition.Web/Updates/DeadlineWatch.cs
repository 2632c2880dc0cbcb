using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Updates;
using Petition.Web.Admin.Audit;
using Petition.Web.Delivery;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Updates;

/// <summary>
/// Watches every letter's deadline and milestones. At <see cref="Letter.ClosesAt"/> it closes the letter for good
/// (status Closed, audited, in the public timeline) and, when the organiser chose so, delivers to every recipient
/// through the console's own <see cref="LetterDelivery"/>. A milestone reached is recorded and emailed to the
/// organisers in one transaction; a unique key per moment makes each happen once, whichever instance sees it first.
/// </summary>
public class DeadlineWatch(IServiceScopeFactory scopes, IOptions<UpdatesOptions> options, TimeProvider time, ILogger<DeadlineWatch> logger)
    : BackgroundService
{
    static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.RunInBackground
        ? Database.PeriodicRounds.RunAsync(Every, time, RunAsync, logger, "The deadline watch failed; it looks again in a minute", stoppingToken)
        : Task.CompletedTask;

    /// <summary>Closes what is past its deadline and records milestones reached; returns how many moments it recorded.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var now = time.GetUtcNow();
        var recorded = 0;
        var due = await db.Letters.AsNoTracking().Include(l => l.Translations)
            .Where(l => l.Status == LetterStatus.Open && l.ClosesAt != null && l.ClosesAt <= now).ToListAsync(cancellationToken);
        foreach (var letter in due)
            recorded += await CloseAsync(scope.ServiceProvider, letter, cancellationToken) ? 1 : 0;
        var watched = await db.Letters.AsNoTracking().Where(l => l.Status != LetterStatus.Draft).ToListAsync(cancellationToken);
        foreach (var letter in watched)
            recorded += await MilestonesAsync(scope.ServiceProvider, letter, cancellationToken);
        return recorded;
    }

    async Task<bool> CloseAsync(IServiceProvider services, Letter letter, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PetitionDbContext>();
        var deadline = letter.ClosesAt!.Value;
        Data.Recipients.Delivery? delivered = null;
        if (letter.DeliverAtClose)
        {
            // Delivered before the close is saved: a crash between the two delivers again with the same request id
            // (the first delivery is found, nothing more is sent) and then closes.
            var recipients = await db.Recipients.AsNoTracking().Where(r => r.LetterId == letter.Id).Select(r => r.Id).ToListAsync(cancellationToken);
            try
            {
                if (recipients.Count > 0)
                    delivered = await services.GetRequiredService<LetterDelivery>().DeliverAsync(letter, recipients, RequestIdOf(letter.Id, deadline),
                        note: null, LetterDelivery.DefaultLinkDays, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance sealed or delivered this letter at the same moment: the next round finds its
                // delivery by the request id and closes the letter.
                db.ChangeTracker.Clear();
                return false;
            }
        }
        var count = (await services.GetRequiredService<SignatureCounter>().GetAsync(letter.Id, cancellationToken)).Published;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Only the first instance to get here moves the status; the others find it closed and record nothing.
        var closed = await db.Letters.Where(l => l.Id == letter.Id && l.Status == LetterStatus.Open && l.ClosesAt == deadline)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Status, LetterStatus.Closed).SetProperty(x => x.UpdatedAt, time.GetUtcNow()), cancellationToken);
        if (closed == 0)
            return false;
        db.LetterMoments.Add(new LetterMoment
        {
            LetterId = letter.Id, Kind = MomentKind.Closed, Key = LetterMoment.ClosedKey(deadline), Count = count, At = deadline,
        });
        services.GetRequiredService<AuditTrail>().Record(AuditActions.LetterClosed, letter.Id,
            after: new { status = nameof(LetterStatus.Closed), deadline, signatures = count, delivery = delivered?.Number });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        services.GetRequiredService<LetterCache>().Evict(letter.Slug);
        // A closed letter's page, its API and its timeline change: the same notice as every other door's.
        services.GetRequiredService<PublicView>().Changed(letter.Id);
        // The list frozen at its close is sealed, so anyone can hold the site to it (a delivery at close sealed it).
        if (delivered is null)
            await services.GetRequiredService<Seals.ListSealing>().SealAsync(letter, "the deadline", cancellationToken);
        return true;
    }

    /// <summary>The same id for the same deadline of the same letter, on every instance and every attempt.</summary>
    static Guid RequestIdOf(int letterId, DateTimeOffset deadline)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, (long)letterId);
        BitConverter.TryWriteBytes(bytes[8..], deadline.UtcTicks);
        return new Guid(bytes);
    }

    async Task<int> MilestonesAsync(IServiceProvider services, Letter letter, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PetitionDbContext>();
        var count = (await services.GetRequiredService<SignatureCounter>().GetAsync(letter.Id, cancellationToken)).Published;
        var reached = letter.Milestones.Where(m => m > 0 && m <= count).Select(LetterMoment.MilestoneKey).ToList();
        if (reached.Count == 0)
            return 0;
        var known = await db.LetterMoments.Where(m => m.LetterId == letter.Id && reached.Contains(m.Key)).Select(m => m.Key).ToListAsync(cancellationToken);
        var recorded = 0;
        foreach (var milestone in letter.Milestones.Where(m => m > 0 && m <= count && !known.Contains(LetterMoment.MilestoneKey(m))).Order())
        {
            var now = time.GetUtcNow();
            db.LetterMoments.Add(new LetterMoment { LetterId = letter.Id, Kind = MomentKind.Milestone, Key = LetterMoment.MilestoneKey(milestone), Count = milestone, At = now });
            if (services.GetRequiredService<MilestoneEmail>().For(letter, milestone, count, now) is { } email)
                db.Outbox.Add(email);
            services.GetRequiredService<AuditTrail>().Record(AuditActions.MilestoneReached, letter.Id, after: new { milestone, signatures = count });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                recorded++;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another instance recorded it (and wrote its email) a moment ago
            }
        }
        if (recorded > 0)
        {
            services.GetRequiredService<Email.OutboxSignal>().Notify();
            services.GetRequiredService<PublicView>().Changed(letter.Id); // the milestone shows on the page now
        }
        return recorded;
    }
}
