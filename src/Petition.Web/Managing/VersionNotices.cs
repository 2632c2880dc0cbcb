using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Audit;
using Petition.Data.Signatures;
using Petition.Web.Email;
using Petition.Web.Signing;

namespace Petition.Web.Managing;

/// <summary>
/// When an open letter's text changes, tells those who signed an earlier version what changed, each email with the
/// signer's manage link. Written to the outbox in batches, each batch its own short transaction, so a letter with a
/// hundred thousand signers never holds one long lock.
/// </summary>
public class VersionNotices(PetitionDbContext db, SignatureEmails emails, SignatureLinks links, OutboxSignal outbox, TimeProvider time)
{
    public const int BatchSize = 500;

    /// <returns>How many signers were written to.</returns>
    public async Task<int> QueueAsync(int letterId, string? changeSummary, string actor, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.AsNoTracking().Include(l => l.Translations).SingleAsync(l => l.Id == letterId, cancellationToken);
        var queued = 0;
        long after = 0;
        while (true)
        {
            var batch = await db.Signatures
                // An address erased after the letter's work was done has no one left to write to.
                .Where(s => s.LetterId == letterId && s.Id > after && s.LetterVersion < letter.Version && !s.Unsubscribed && s.SealedEmail != null
                    && (s.State == SignatureState.Published || s.State == SignatureState.AwaitingReview))
                .OrderBy(s => s.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            foreach (var signature in batch)
                db.Outbox.Add(emails.LetterChanged(letter, signature, changeSummary, links.Manage(signature)));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            outbox.Notify();
            queued += batch.Count;
            after = batch[^1].Id;
        }
        db.Audit.Add(new AuditEntry
        {
            At = time.GetUtcNow(), Actor = actor, Action = "letter.version-notice", LetterId = letterId,
            Detail = $"Emailed {queued} signers of versions before {letter.Version}.",
        });
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }
}
