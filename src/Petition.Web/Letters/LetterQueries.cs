using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Text;

namespace Petition.Web.Letters;

/// <summary>
/// Whether the public may see a letter now: every public route (page, API, list, count, exports, share image, embed)
/// finds its letter through these, so a draft, or a letter whose opening time has not come, is a 404 everywhere.
/// Whether it takes signatures now is the narrower <see cref="Letter.IsOpenAt"/>.
/// </summary>
public static class LetterQueries
{
    public static Expression<Func<Letter, bool>> IsPublicAt(DateTimeOffset now) =>
        l => l.Status != LetterStatus.Draft && (l.OpensAt == null || l.OpensAt <= now);

    /// <summary>The same rule for a letter in hand.</summary>
    public static bool IsPublic(this Letter letter, DateTimeOffset now) => IsPublicAt(now).Compile()(letter);

    /// <summary>A letter the public may see now, with its translations.</summary>
    public static Task<Letter?> PublicBySlug(this IQueryable<Letter> letters, string slug, DateTimeOffset now, CancellationToken cancellationToken) =>
        letters.Include(l => l.Translations).Where(IsPublicAt(now)).FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken);

    /// <summary>
    /// A draft in its founding round taking sign-ups from chosen domains, with its translations: for the founding
    /// sign-up form and its privacy notice alone, which also ask the link's key (FoundingRound.DraftForSignUpAsync,
    /// decision 030); every other route keeps it a 404.
    /// </summary>
    public static async Task<Letter?> FoundingDraftBySlug(this IQueryable<Letter> letters, string slug, CancellationToken cancellationToken) =>
        await letters.AsNoTracking().Include(l => l.Translations).FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken)
            is { Status: LetterStatus.Draft, FoundingDomains.Count: > 0 } draft ? draft : null;

    public static IQueryable<Letter> Public(this IQueryable<Letter> letters, DateTimeOffset now) =>
        letters.Where(IsPublicAt(now));

    /// <summary>
    /// Whether a founding signature on a draft is still taken (confirmed, counted): the round is under way and the
    /// signer was invited, or signed from a domain the organisers still list (a domain taken off stops its sign-ups
    /// waiting for confirmation too). Decision 030.
    /// </summary>
    public static bool TakesFounding(this Letter letter, Signature signature) =>
        signature.Founding && letter.Status == LetterStatus.Draft
        && (signature.Invited || EmailAddress.IsAtOrUnder(signature.Email, letter.FoundingDomains));
}
