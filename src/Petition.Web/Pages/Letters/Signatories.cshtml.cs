using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Letters;
using Petition.Web.Signatories;
using Petition.Web.Front;

namespace Petition.Web.Pages.Letters;

[Limited(Door.List)]
public class SignatoriesModel(PetitionDbContext db, PublicSignatories signatories, Abuse.ListReadTally readers, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public Letter Letter { get; private set; } = null!;
    public SignatoryPage Results { get; private set; } = new([], null, 0);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
        if (letter is null)
            return NotFound();
        Letter = letter;
        SignatoryIndexing.Apply(Response, letter);
        readers.Record(HttpContext, letter.Id);
        Results = await signatories.QueryAsync(letter, new SignatoryQuery(PageSize, After, Q, Country), cancellationToken);
        return Page();
    }
}
