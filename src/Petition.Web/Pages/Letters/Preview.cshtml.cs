using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Letters;

namespace Petition.Web.Pages.Letters;

/// <summary>A letter as it will read, through the organiser's private preview link: no form, no list, never indexed.</summary>
public class PreviewModel(PetitionDbContext db, PreviewLinks previews, LetterMarkdown markdown) : PageModel
{
    public Letter Letter { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        if (previews.LetterIdOf(token) is not { } id
            || await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken) is not { } letter)
            return NotFound();
        Letter = letter;
        BodyHtml = markdown.ToHtml(letter.Body);
        return Page();
    }
}
