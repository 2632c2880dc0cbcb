using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Admin.Review;

namespace Petition.Web.Pages.Admin.Letters;

public class SignalsModel(PetitionDbContext db, AbuseSignals signals) : PageModel
{
    public const int MaxRows = 100;

    [BindProperty(SupportsGet = true)] public int Hours { get; set; } = 48;
    [BindProperty(SupportsGet = true)] public int Threshold { get; set; } = 10;

    public Letter Letter { get; private set; } = null!;
    public IReadOnlyList<Signal> Signals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken) is not { } letter)
            return NotFound();
        Letter = letter;
        Hours = Math.Clamp(Hours, 1, 720);
        Threshold = Math.Max(1, Threshold);
        Signals = (await signals.FindAsync(letter.Id, Hours, Threshold, cancellationToken)).Take(MaxRows).ToList();
        return Page();
    }
}
