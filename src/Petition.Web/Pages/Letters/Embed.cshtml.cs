using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Caching;
using Petition.Web.Letters;
using Petition.Web.Sharing;
using Petition.Web.Signing;
using Petition.Web.Site;

namespace Petition.Web.Pages.Letters;

/// <summary>
/// The letter in a partner's iframe: title, count and a button that opens the letter here. Signing happens on the
/// letter's own page, never inside someone else's frame, where the reader cannot see whose address bar it is.
/// </summary>
[OutputCache(PolicyName = CachingSetup.LetterPage)]
[SharedCache(VariesByLanguage = true)]
public class EmbedModel(PetitionDbContext db, SignatureCounter counter, IOptions<SiteOptions> site, TimeProvider time) : PageModel
{
    public Letter Letter { get; private set; } = null!;
    public int Published { get; private set; }
    public bool IsOpen { get; private set; }
    public string LetterUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.AsNoTracking().PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
        if (letter is null)
            return NotFound();
        Letter = letter;
        Published = (await counter.GetAsync(letter.Id, cancellationToken)).Published;
        IsOpen = letter.IsOpenAt(time.GetUtcNow());
        LetterUrl = site.Value.Link($"/letters/{letter.Slug}");
        // Set here, before the response starts, so the site-wide policy (frame-ancestors 'none') leaves it alone.
        Response.Headers.ContentSecurityPolicy = EmbedOrigins.ContentSecurityPolicy(letter.EmbedHosts);
        HttpContext.TagWithLetter(letter.Id);
        return Page();
    }
}
