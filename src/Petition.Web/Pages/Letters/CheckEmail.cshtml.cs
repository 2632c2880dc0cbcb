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

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
        if (letter is null)
            return NotFound();
        Letter = letter;
        return Page();
    }
}
