using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Admin.Review;

namespace Petition.Web.Pages.Admin.Letters;

public class SignalsModel(PetitionDbContext db, AbuseSignals signals, Abuse.ListReadTally readers) : PageModel
{
    public const int MaxRows = 100;

    [BindProperty(SupportsGet = true)] public int Hours { get; set; } = 48;
    [BindProperty(SupportsGet = true)] public int Threshold { get; set; } = 10;

    public Letter Letter { get; private set; } = null!;
    public IReadOnlyList<Signal> Signals { get; private set; } = [];

    /// <summary>Clients that read many pages of the list in an hour: scraping, beside the sign floods.</summary>
    public IReadOnlyList<Abuse.ListReader> Readers { get; private set; } = [];

    /// <summary>Pages of the list in one hour from one network that count as heavy reading.</summary>
    [BindProperty(SupportsGet = true)] public int ReadThreshold { get; set; } = 50;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken) is not { } letter)
            return NotFound();
        Letter = letter;
        Hours = Math.Clamp(Hours, 1, 720);
        Threshold = Math.Max(1, Threshold);
        Signals = (await signals.FindAsync(letter.Id, Hours, Threshold, cancellationToken)).Take(MaxRows).ToList();
        Readers = readers.Heavy(letter.Id, Hours, Math.Max(1, ReadThreshold));
        return Page();
    }
}
