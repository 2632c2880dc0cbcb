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
/// Every form that signs links to it: the public letter's, the founding sign-up of a draft (found by the same slug
/// as that form), and a personal invitation's (found through the invitation, so a draft that takes invitations only
/// stays unknown to anyone without one).
/// </summary>
public class PrivacyModel(PetitionDbContext db, Founding.FoundingRound founding, IOptions<PrivacyOptions> privacy,
    IOptions<Site.SiteOptions> site, TimeProvider time) : PageModel
{
    public Letter Letter { get; private set; } = null!;
    public PrivacyOptions Retention => privacy.Value;
    public string SiteName => site.Value.Name;

    public async Task<IActionResult> OnGetAsync(string? slug, string? token, CancellationToken cancellationToken)
    {
        var letter = token is not null
            ? (await founding.FindAsync(token, cancellationToken)).Letter
            : await db.Letters.PublicBySlug(slug ?? "", time.GetUtcNow(), cancellationToken)
              ?? await db.Letters.FoundingDraftBySlug(slug ?? "", cancellationToken);
        if (letter is null)
            return NotFound();
        Letter = letter;
        return Page();
    }
}
