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

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Letters = await db.Letters.AsNoTracking().Public(time.GetUtcNow()).Include(l => l.Translations)
            .OrderByDescending(l => l.Status == LetterStatus.Open).ThenByDescending(l => l.CreatedAt)
            .ToListAsync(cancellationToken);
        var open = Letters.Where(l => l.IsOpenAt(time.GetUtcNow())).ToList();
        // One open letter is the whole site: go straight to it.
        if (open.Count == 1)
            return RedirectToPage("/Letters/Show", new { slug = open[0].Slug });
        return Page();
    }
}
