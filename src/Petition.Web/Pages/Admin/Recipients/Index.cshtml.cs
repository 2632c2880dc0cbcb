using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Recipients;
using Petition.Web.Recipients;

namespace Petition.Web.Pages.Admin.Recipients;

/// <summary>The directory of addressees that admins keep for every letter (the member states' missions). Admins only.</summary>
public class IndexModel(PetitionDbContext db, RecipientBook book) : PageModel
{
    [BindProperty] public AddresseeInput Input { get; set; } = new();

    public List<DirectoryEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (AddresseeRules.Check(Input, ModelState, nameof(Input)) is { } details
            && await book.AddAsync(null, details, cancellationToken) is var taken)
        {
            if (taken is null)
            {
                TempData["Status"] = $"Added {details.Name} to the directory.";
                return RedirectToPage();
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Emails)}", taken);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.RecipientDirectory.FindAsync([id], cancellationToken) is not { } entry)
            return NotFound();
        await book.RemoveAsync(entry, cancellationToken);
        TempData["Status"] = $"Removed {entry.Name} from the directory; letters it was added to keep their copy.";
        return RedirectToPage();
    }

    async Task LoadAsync(CancellationToken cancellationToken) =>
        Entries = await db.RecipientDirectory.AsNoTracking().OrderBy(e => e.Name).ToListAsync(cancellationToken);
}
