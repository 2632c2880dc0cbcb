using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Signatures;
using Petition.Data.Updates;
using Petition.Web.Admin.Audit;

namespace Petition.Web.Updates;

/// <summary>
/// When a letter's text changes, tells those who signed an earlier version what changed, each email with the signer's
/// manage link. The notice is a <see cref="LetterUpdate"/> of its own kind: the update sender writes it to the outbox a
/// chunk at a time behind a saved cursor, so a request that stops, a restart or a second instance never writes to a
/// signer twice, and the organisers see its progress and can pause it beside their news. One notice per version.
/// </summary>
public class VersionNotices(PetitionDbContext db, AuditTrail audit, UpdateSignal signal, TimeProvider time)
{
    /// <summary>
    /// Who a notice of <paramref name="version"/> reaches: every signer whose text changed since the version they
    /// signed (a later version up to this one changed the original, or corrected the translation in their language;
    /// a correction of another language's translation is not theirs to hear about), who is counted or awaiting review,
    /// has not stopped emails about the letter, and whose address is still held (an address erased after the letter's
    /// work was done has no one left to write to). Not only those who asked for news.
    /// </summary>
    public static IQueryable<Signature> Audience(PetitionDbContext db, int letterId, int version) =>
        db.Signatures.Where(s => s.LetterId == letterId && s.LetterVersion < version && !s.Unsubscribed && s.SealedEmail != null
            && (s.State == SignatureState.Published || s.State == SignatureState.AwaitingReview)
            && (db.LetterVersions.Any(v => v.LetterId == letterId && v.Version > s.LetterVersion && v.Version <= version
                    && (v.TranslationChanged == null || v.TranslationChanged == s.Language))
                // A version with no record (a letter from before versions were kept) may have changed anything.
                || db.LetterVersions.Count(v => v.LetterId == letterId && v.Version > s.LetterVersion && v.Version <= version)
                    < version - s.LetterVersion));

    /// <summary>The change's summary as the notice keeps it (the first text's body), null when none was given.</summary>
    public static string? SummaryOf(LetterUpdate notice) => notice.Texts is [{ Body: { Length: > 0 } body }, ..] ? body : null;

    /// <returns>How many signers will be written to; null when signers were already told of the letter's current version.</returns>
    public async Task<int?> QueueAsync(int letterId, string? changeSummary, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.AsNoTracking().SingleAsync(l => l.Id == letterId, cancellationToken);
        if (await db.LetterUpdates.AnyAsync(u => u.LetterId == letterId && u.NoticeOfVersion == letter.Version, cancellationToken))
            return null;
        var notice = new LetterUpdate
        {
            LetterId = letterId, CreatedAt = time.GetUtcNow(), CreatedBy = audit.ActorName, State = UpdateState.Queued,
            NoticeOfVersion = letter.Version,
            Texts = [new UpdateText(letter.Language, $"The text is now at version {letter.Version}", changeSummary ?? "")],
            Total = await Audience(db, letterId, letter.Version).CountAsync(cancellationToken),
        };
        db.LetterUpdates.Add(notice);
        audit.Record(AuditActions.VersionNoticeQueued, letterId, after: new { version = letter.Version, notice.Total },
            detail: $"Emailing {notice.Total} signers of versions before {letter.Version}.");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return null; // pressed twice at once: the unique notice per version let one through
        }
        signal.Notify();
        return notice.Total;
    }
}
