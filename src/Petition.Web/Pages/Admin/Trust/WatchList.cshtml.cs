using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Moderation;
using Petition.Data.Signatures;
using Petition.Web.Abuse;
using Petition.Web.Admin.Audit;
using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Web.Pages.Admin.Trust;

/// <summary>The impersonation guard's list: names whose look-alikes wait for a moderator on every letter.</summary>
public class WatchListModel(PetitionDbContext db, AuditTrail audit, WatchList watchList, TimeProvider time) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Note { get; set; }

    public List<WatchedName> Entries { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var name = TextRules.Tidy(Name);
        if (string.IsNullOrWhiteSpace(name) || name.Length > SignatureLimits.Name)
            ModelState.AddModelError(nameof(Name), $"Give the name to watch for, up to {SignatureLimits.Name} characters.");
        if (Note is { Length: > 500 })
            ModelState.AddModelError(nameof(Note), "Say why in 500 characters at most.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        var entry = new WatchedName { Name = name!, Note = TextRules.Tidy(Note), CreatedAt = time.GetUtcNow(), CreatedBy = User.Identity?.Name };
        db.WatchedNames.Add(entry);
        audit.Record(AuditActions.WatchedNameAdded, after: new { entry.Name, entry.Note });
        await db.SaveChangesAsync(cancellationToken);
        watchList.Invalidate();
        TempData["Status"] = $"Watching for {entry.Name}: a signature in that name, or one like it, waits for a moderator.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        var entry = await db.WatchedNames.FindAsync([id], cancellationToken);
        if (entry is null)
            return NotFound();
        db.WatchedNames.Remove(entry);
        audit.Record(AuditActions.WatchedNameRemoved, before: new { entry.Name, entry.Note });
        await db.SaveChangesAsync(cancellationToken);
        watchList.Invalidate();
        TempData["Status"] = $"No longer watching for {entry.Name}.";
        return RedirectToPage();
    }

    async Task LoadAsync(CancellationToken cancellationToken) =>
        Entries = await db.WatchedNames.AsNoTracking().OrderBy(w => w.Name).ToListAsync(cancellationToken);
}
