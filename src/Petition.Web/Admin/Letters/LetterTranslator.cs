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
/// Translations are not versioned: signatures point at versions of the original text.
/// </summary>
public class LetterTranslator(PetitionDbContext db, AuditTrail audit, PublicView publicView, TimeProvider time)
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
        translation.UpdatedAt = time.GetUtcNow();
        audit.Record(AuditActions.LetterTranslated, letter.Id, before: before,
            after: new { translation.Title, translation.Body }, detail: $"Translation: {language}");
        await db.SaveChangesAsync(cancellationToken);
        publicView.Changed(letter.Id);
    }

    public async Task<bool> DeleteAsync(Letter letter, string language, CancellationToken cancellationToken)
    {
        var translation = await db.LetterTranslations.FirstOrDefaultAsync(t => t.LetterId == letter.Id && t.Language == language, cancellationToken);
        if (translation is null)
            return false;
        db.LetterTranslations.Remove(translation);
        audit.Record(AuditActions.LetterTranslationRemoved, letter.Id, before: new { translation.Title, translation.Body },
            detail: $"Translation: {language}");
        await db.SaveChangesAsync(cancellationToken);
        publicView.Changed(letter.Id);
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
