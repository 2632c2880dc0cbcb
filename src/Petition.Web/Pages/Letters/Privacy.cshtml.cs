using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Letters;
using Petition.Web.Privacy;

namespace Petition.Web.Pages.Letters;

/// <summary>
/// The privacy notice of one letter, written from its own settings, so it cannot drift from what the form does.
/// Every form that signs links to it: the public letter's, the founding sign-up of a draft (behind the same key as
/// that form), and a personal invitation's (found through the invitation): a draft stays unknown to anyone without
/// one of its links.
/// </summary>
public class PrivacyModel(PetitionDbContext db, Founding.FoundingRound founding, IOptions<PrivacyOptions> privacy,
    IOptions<Site.SiteOptions> site, TimeProvider time) : PageModel
{
    public Letter Letter { get; private set; } = null!;
    public PrivacyOptions Retention => privacy.Value;
    public string SiteName => site.Value.Name;

    public async Task<IActionResult> OnGetAsync(string? slug, string? token, string? key, CancellationToken cancellationToken)
    {
        Response.Headers["X-Robots-Tag"] = "noindex";
        var letter = token is not null ? (await founding.FindAsync(token, cancellationToken)).Letter
            : key is not null ? await founding.DraftForSignUpAsync(slug ?? "", key, cancellationToken)
            : await db.Letters.PublicBySlug(slug ?? "", time.GetUtcNow(), cancellationToken);
        if (letter is null)
            return NotFound();
        Letter = letter;
        return Page();
    }
}
