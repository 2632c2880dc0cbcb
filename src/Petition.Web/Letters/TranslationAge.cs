using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;

namespace Petition.Web.Letters;

/// <summary>
/// Whether a translation may lag behind the original. A translation records no version of its own (decision 013),
/// only when it was last saved; each version of the original records when it was made. A translation last saved
/// before the current version was made was therefore written for an earlier text.
/// </summary>
public static class TranslationAge
{
    public static bool IsOutOfDate(DateTimeOffset translatedAt, DateTimeOffset? currentVersionMadeAt) =>
        currentVersionMadeAt is { } made && translatedAt < made;

    /// <summary>
    /// When the letter's current version was made; null for a letter made before versions were kept, whose
    /// translations cannot be dated against it. Compared in memory: SQLite cannot order DateTimeOffset values.
    /// </summary>
    public static Task<DateTimeOffset?> CurrentVersionMadeAtAsync(this IQueryable<LetterVersion> versions, Letter letter,
        CancellationToken cancellationToken) =>
        versions.Where(v => v.LetterId == letter.Id && v.Version == letter.Version)
            .Select(v => (DateTimeOffset?)v.CreatedAt).FirstOrDefaultAsync(cancellationToken);
}
