using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;

namespace Petition.Web.Admin.Letters;

/// <summary>
/// The versions of a letter's text: a version holds the original and every translation as they stood while it was
/// current, so each signer's text (their version, in the language they read) can be shown as they signed it. A text
/// that anyone signed never changes (<see cref="SignedTextGuard"/>): changing it makes the next version. Both the
/// letter's editor and its translator make versions here.
/// </summary>
public class TextVersions(PetitionDbContext db)
{
    /// <summary>
    /// Makes the next version from the letter's title and body as they now stand and its saved translations, less the
    /// one being corrected (<paramref name="translationChanged"/>), which its caller records itself.
    /// </summary>
    public async Task NextAsync(Letter letter, string? summary, string? translationChanged, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var translations = await db.LetterTranslations.AsNoTracking().Where(t => t.LetterId == letter.Id)
            .ToListAsync(cancellationToken);
        letter.Version++;
        letter.UpdatedAt = now;
        db.LetterVersions.Add(new LetterVersion
        {
            LetterId = letter.Id, Version = letter.Version, Title = letter.Title, Body = letter.Body, Recipients = letter.Recipients,
            ChangeSummary = summary, TranslationChanged = translationChanged, CreatedAt = now,
        });
        foreach (var translation in translations.Where(t => t.Language != translationChanged))
            db.LetterVersionTranslations.Add(LetterVersionTranslation.Of(translation, letter.Id, letter.Version));
    }

    /// <summary>The translation recorded for the letter's current version in <paramref name="language"/>, tracked.</summary>
    public Task<LetterVersionTranslation?> CurrentTranslationAsync(Letter letter, string language, CancellationToken cancellationToken) =>
        db.LetterVersionTranslations.FirstOrDefaultAsync(t => t.LetterId == letter.Id && t.Version == letter.Version
            && t.Language == language, cancellationToken);

    /// <summary>Whether anyone has signed the letter's current version reading it in <paramref name="language"/>.</summary>
    public Task<bool> SignedInAsync(Letter letter, string language, CancellationToken cancellationToken) =>
        db.Signatures.AnyAsync(s => s.LetterId == letter.Id && s.LetterVersion == letter.Version && s.Language == language,
            cancellationToken);
}
