using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Letters;

namespace Petition.Web.Pages;

public class IndexModel(PetitionDbContext db, TimeProvider time) : PageModel
{
    public List<Letter> Letters { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var letters = await db.Letters.AsNoTracking().Public(Now).Include(l => l.Translations).ToListAsync(cancellationToken);
        // Open letters first, newest first; then closed ones, the most recently closed first. "Open" is the dates'
        // answer (Letter.IsOpenAt), not the status alone: a letter past its closing time is closed.
        Letters = letters.OrderByDescending(l => l.IsOpenAt(Now))
            .ThenByDescending(l => l.IsOpenAt(Now) ? l.CreatedAt : LetterDates.ClosedOn(l, Now) ?? l.UpdatedAt ?? l.CreatedAt)
            .ToList();
        var open = Letters.Where(l => l.IsOpenAt(Now)).ToList();
        // One open letter is the whole site: go straight to it.
        if (open.Count == 1)
            return RedirectToPage("/Letters/Show", new { slug = open[0].Slug });
        return Page();
    }
}
