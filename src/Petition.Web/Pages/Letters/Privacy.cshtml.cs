using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Letters;
using Petition.Web.Privacy;

namespace Petition.Web.Pages.Letters;

/// <summary>The privacy notice of one letter, written from its own settings, so it cannot drift from what the form does.</summary>
public class PrivacyModel(PetitionDbContext db, IOptions<PrivacyOptions> privacy, IOptions<Site.SiteOptions> site, TimeProvider time) : PageModel
{
    public Letter Letter { get; private set; } = null!;
    public PrivacyOptions Retention => privacy.Value;
    public string SiteName => site.Value.Name;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
        if (letter is null)
            return NotFound();
        Letter = letter;
        return Page();
    }
}
