using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;

namespace Petition.Web.Letters;

/// <summary>
/// Whether a translation may lag behind the original. The working translation records only when it was last saved
/// (decision 013); each version records when it was made. A translation last saved before the original's current text
/// was made (the last version that changed the original, not one that corrected a translation) was therefore written
/// for an earlier text.
/// </summary>
public static class TranslationAge
{
    public static bool IsOutOfDate(DateTimeOffset translatedAt, DateTimeOffset? currentVersionMadeAt) =>
        currentVersionMadeAt is { } made && translatedAt < made;

    /// <summary>
    /// When the letter's original text, as it now reads, was made: the latest version up to the current one that changed
    /// the original; null for a letter made before versions were kept, whose translations cannot be dated against it.
    /// </summary>
    public static Task<DateTimeOffset?> CurrentVersionMadeAtAsync(this IQueryable<LetterVersion> versions, Letter letter,
        CancellationToken cancellationToken) =>
        versions.Where(v => v.LetterId == letter.Id && v.Version <= letter.Version && v.TranslationChanged == null)
            .OrderByDescending(v => v.Version).Select(v => (DateTimeOffset?)v.CreatedAt).FirstOrDefaultAsync(cancellationToken);
}
