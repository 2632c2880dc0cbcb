using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Admin.Audit;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Admin.Letters;

/// <summary>
/// Adds, changes and removes a letter's translations, and sets the language its original is written in. Every
/// change is audited and evicts the letter's cached pages, so readers see it at once on this instance.
/// Each version of the letter keeps its translations as they stood (<see cref="TextVersions"/>): a translation that
/// nobody has signed in is corrected in place; one that someone signed makes the letter's next version, so the text
/// they read stays as they read it.
/// </summary>
public class LetterTranslator(PetitionDbContext db, AuditTrail audit, PublicView publicView, TextVersions versions,
    LetterCache letters, TimeProvider time)
{
    public Task<List<LetterTranslation>> ListAsync(int letterId, CancellationToken cancellationToken) =>
        db.LetterTranslations.Where(t => t.LetterId == letterId).OrderBy(t => t.Language).ToListAsync(cancellationToken);

    public async Task SaveAsync(Letter letter, TranslationForm form, CancellationToken cancellationToken)
    {
        var language = form.Language!;
        var translation = await db.LetterTranslations.FirstOrDefaultAsync(t => t.LetterId == letter.Id && t.Language == language, cancellationToken);
        var before = translation is null ? null : new { translation.Title, translation.Body };
        if (translation is null)
        {
            translation = new LetterTranslation { LetterId = letter.Id, Language = language, Title = "", Body = "" };
            db.LetterTranslations.Add(translation);
        }
        translation.Title = form.Title!.Trim();
        translation.Body = form.Body!.Trim();
        translation.Recipients = string.IsNullOrWhiteSpace(form.Recipients) ? null : form.Recipients.Trim();
        translation.Categories = form.CategoryList();
        var now = time.GetUtcNow();
        translation.UpdatedAt = now;
        var recorded = await versions.CurrentTranslationAsync(letter, language, cancellationToken);
        var versionBefore = letter.Version;
        if (recorded is null || !recorded.Reads(translation))
        {
            // Those who signed this version in this language read the text recorded for it (or, with none, the
            // original's): that record is theirs, so a change to it, or a first one, is the next version.
            var signed = await versions.SignedInAsync(letter, language, cancellationToken);
            if (recorded is not null && !signed)
                (recorded.Title, recorded.Body, recorded.Recipients) = (translation.Title, translation.Body, translation.Recipients);
            else
            {
                if (signed)
                    await versions.NextAsync(letter, summary: null, translationChanged: language, now, cancellationToken);
                db.LetterVersionTranslations.Add(LetterVersionTranslation.Of(translation, letter.Id, letter.Version));
            }
        }
        audit.Record(AuditActions.LetterTranslated, letter.Id, before: before,
            after: new { translation.Title, translation.Body }, detail: VersionDetail(language, versionBefore, letter.Version));
        await db.SaveChangesAsync(cancellationToken);
        Changed(letter);
    }

    /// <summary>The audit's note: the language, and the version a signed translation's correction made.</summary>
    static string VersionDetail(string language, int before, int after) =>
        before == after ? $"Translation: {language}" : $"Translation: {language}; signed in version {before}, so saved as version {after}";

    void Changed(Letter letter)
    {
        letters.Evict(letter.Slug);
        publicView.Changed(letter.Id);
    }

    public async Task<bool> DeleteAsync(Letter letter, string language, CancellationToken cancellationToken)
    {
        var translation = await db.LetterTranslations.FirstOrDefaultAsync(t => t.LetterId == letter.Id && t.Language == language, cancellationToken);
        if (translation is null)
            return false;
        db.LetterTranslations.Remove(translation);
        var versionBefore = letter.Version;
        if (await versions.SignedInAsync(letter, language, cancellationToken))
            await versions.NextAsync(letter, summary: null, translationChanged: language, time.GetUtcNow(), cancellationToken);
        else if (await versions.CurrentTranslationAsync(letter, language, cancellationToken) is { } recorded)
            db.LetterVersionTranslations.Remove(recorded);
        audit.Record(AuditActions.LetterTranslationRemoved, letter.Id, before: new { translation.Title, translation.Body },
            detail: VersionDetail(language, versionBefore, letter.Version));
        await db.SaveChangesAsync(cancellationToken);
        Changed(letter);
        return true;
    }

    public async Task SetOriginalLanguageAsync(Letter letter, string language, CancellationToken cancellationToken)
    {
        if (letter.Language == language)
            return;
        audit.Record(AuditActions.LetterUpdated, letter.Id, before: new { language = letter.Language }, after: new { language });
        letter.Language = language;
        await db.SaveChangesAsync(cancellationToken);
        publicView.Changed(letter.Id);
    }
}
