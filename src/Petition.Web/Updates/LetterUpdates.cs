using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Sealing;
using Petition.Data.Updates;
using Petition.Web.Admin.Audit;
using Petition.Web.Signatories;

namespace Petition.Web.Updates;

/// <summary>The organisers' side of updates: post one (counted, audited, queued for the sender), pause it, resume it.</summary>
public class LetterUpdates(PetitionDbContext db, AuditTrail audit, IPersonalDataSeal seal, UpdateSignal signal, TimeProvider time)
{
    /// <summary>The signers an update reaches: <see cref="UpdateAudience"/>, narrowed to a country when one is chosen.</summary>
    public IQueryable<Data.Signatures.Signature> Audience(int letterId, string? country) =>
        db.Signatures.ReceivingUpdates(letterId)
            // The country may be stored only sealed (not public on this letter): the filter matches its keyed hash too.
            .Narrowed(new SignatureFilter { Country = country }, byState: false, sealedValues: seal);

    public async Task<LetterUpdate> PostAsync(int letterId, IReadOnlyList<UpdateText> texts, string? country, CancellationToken cancellationToken)
    {
        var update = new LetterUpdate
        {
            LetterId = letterId, CreatedAt = time.GetUtcNow(), CreatedBy = audit.ActorName, Texts = texts.ToList(),
            Country = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant(), State = UpdateState.Queued,
        };
        update.Total = await Audience(letterId, update.Country).CountAsync(cancellationToken);
        db.LetterUpdates.Add(update);
        audit.Record(AuditActions.UpdatePosted, letterId, after: new
        {
            subject = texts[0].Subject, languages = texts.Select(t => t.Language), update.Country, update.Total,
        });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return update;
    }

    /// <summary>
    /// Pauses a queued or sending update, or resumes a paused one; false when it was in neither state (done, or moved
    /// by someone else a moment ago). A chunk being written as it pauses is rolled back and written again on resume.
    /// </summary>
    public async Task<bool> SetPausedAsync(LetterUpdate update, bool paused, CancellationToken cancellationToken)
    {
        var allowed = paused ? update.State is UpdateState.Queued or UpdateState.Sending : update.State == UpdateState.Paused;
        if (!allowed)
            return false;
        update.State = paused ? UpdateState.Paused : UpdateState.Sending;
        audit.Record(paused ? AuditActions.UpdatePaused : AuditActions.UpdateResumed, update.LetterId,
            after: new { update.Id, update.Queued, update.Total });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        if (!paused)
            signal.Notify();
        return true;
    }
}
