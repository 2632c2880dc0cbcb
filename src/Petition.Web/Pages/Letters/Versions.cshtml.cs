using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Letters;

namespace Petition.Web.Pages.Letters;

/// <summary>The public history of a letter: its text's versions and the seals of its list, newest first.</summary>
public class VersionsModel(PetitionDbContext db, LetterMarkdown markdown, TimeProvider time) : PageModel
{
    public Letter Letter { get; private set; } = null!;
    public IReadOnlyList<LetterVersion> Versions { get; private set; } = [];

    /// <summary>Each version's translations as they stood, by version: what its signers in each language read.</summary>
    public ILookup<int, LetterVersionTranslation> Translations { get; private set; } = Enumerable.Empty<LetterVersionTranslation>().ToLookup(t => t.Version);

    /// <summary>The seals of the list, newest first: each one's signed statement is public.</summary>
    public IReadOnlyList<PublicSeal> Seals { get; private set; } = [];

    /// <summary>Milestones, the closing and the deliveries, newest first.</summary>
    public IReadOnlyList<Updates.LetterTimeline.Entry> Timeline { get; private set; } = [];

    public record PublicSeal(int Number, DateTimeOffset SealedAt, int Size, int Listed, byte[] Root);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().PublicBySlug(slug, time.GetUtcNow(), cancellationToken) is not { } letter)
            return NotFound();
        Letter = letter;
        Versions = await db.LetterVersions.AsNoTracking().Where(v => v.LetterId == letter.Id)
            .OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        Translations = (await db.LetterVersionTranslations.AsNoTracking().Where(t => t.LetterId == letter.Id)
            .ToListAsync(cancellationToken)).OrderBy(t => t.Language, StringComparer.Ordinal).ToLookup(t => t.Version);
        Seals = await db.ListSeals.AsNoTracking().Where(s => s.LetterId == letter.Id).OrderByDescending(s => s.Number)
            .Select(s => new PublicSeal(s.Number, s.SealedAt, s.Size, s.Listed, s.Root)).ToListAsync(cancellationToken);
        Timeline = await Updates.LetterTimeline.OfAsync(db, letter.Id, cancellationToken);
        return Page();
    }

    public string Html(string body) => markdown.ToHtml(body);
}
