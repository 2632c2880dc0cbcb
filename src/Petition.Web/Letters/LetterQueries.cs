using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;

namespace Petition.Web.Letters;

public static class LetterQueries
{
    /// <summary>A letter the public may see: open or closed, never a draft; with its translations.</summary>
    public static Task<Letter?> PublicBySlug(this IQueryable<Letter> letters, string slug, CancellationToken cancellationToken) =>
        letters.Include(l => l.Translations).FirstOrDefaultAsync(l => l.Slug == slug && l.Status != LetterStatus.Draft, cancellationToken);

    public static IQueryable<Letter> Public(this IQueryable<Letter> letters) =>
        letters.Where(l => l.Status != LetterStatus.Draft);
}
