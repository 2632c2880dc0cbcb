using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Letters;

namespace Petition.Web.Pages.Letters;

/// <summary>The public history of a letter's text, newest first.</summary>
public class VersionsModel(PetitionDbContext db, LetterMarkdown markdown, TimeProvider time) : PageModel
{
    public Letter Letter { get; private set; } = null!;
    public IReadOnlyList<LetterVersion> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().PublicBySlug(slug, time.GetUtcNow(), cancellationToken) is not { } letter)
            return NotFound();
        Letter = letter;
        Versions = await db.LetterVersions.AsNoTracking().Where(v => v.LetterId == letter.Id)
            .OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return Page();
    }

    public string Html(string body) => markdown.ToHtml(body);
}
