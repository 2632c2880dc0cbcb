using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Letters;

namespace Petition.Web.Pages.Letters;

/// <summary>The one page every signer sees after signing, whether the address was new or had signed before.</summary>
public class CheckEmailModel(PetitionDbContext db, TimeProvider time) : PageModel
{
    public Letter Letter { get; private set; } = null!;

    /// <summary>The address this browser just signed with, masked; null when the page is opened any other way.</summary>
    public string? SentTo { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
        if (letter is null)
            return NotFound();
        Letter = letter;
        SentTo = Letters.SentTo.Recall(TempData);
        // Said here as well as by the site's default, so that no later change to caching can share this page.
        Response.Headers.CacheControl = "private, no-store";
        return Page();
    }
}
