using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Recipients;
using Petition.Web.Recipients;

namespace Petition.Web.Pages.Admin.Recipients;

/// <summary>A letter's recipients: added one by one, from the directory or from a file; each one's answer. Admins only.</summary>
public class LetterModel(PetitionDbContext db, RecipientBook book) : PageModel
{
    [BindProperty] public AddresseeInput Input { get; set; } = new();

    /// <summary>Directory entries ticked to be added.</summary>
    [BindProperty] public List<int> Entries { get; set; } = [];

    public Letter Letter { get; private set; } = null!;
    public List<Recipient> Recipients { get; private set; } = [];

    /// <summary>The directory's entries not yet on this letter.</summary>
    public List<DirectoryEntry> Directory { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        if (AddresseeRules.Check(Input, ModelState, nameof(Input)) is not { } details)
            return Page();
        if (await book.AddAsync(Letter.Id, details, cancellationToken) is { } taken)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Emails)}", taken);
            return Page();
        }
        TempData["Status"] = $"Added {details.Name}.";
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostFromDirectoryAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        var added = await book.AddFromDirectoryAsync(Letter.Id, Entries, cancellationToken);
        TempData["Status"] = added == Entries.Count ? $"Added {added} recipients from the directory."
            : $"Added {added} recipients from the directory; {Entries.Count - added} were already recipients (by entry or address).";
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, int id, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken) is not { } letter
            || await db.Recipients.FirstOrDefaultAsync(r => r.Id == id && r.LetterId == letter.Id, cancellationToken) is not { } recipient)
            return NotFound();
        await book.RemoveAsync(recipient, cancellationToken);
        TempData["Status"] = $"Removed {recipient.Name}.";
        return RedirectToPage(new { slug });
    }

    async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken) is not { } letter)
            return false;
        Letter = letter;
        Recipients = await db.Recipients.AsNoTracking().Where(r => r.LetterId == letter.Id).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var copied = Recipients.Where(r => r.DirectoryEntryId != null).Select(r => r.DirectoryEntryId!.Value).ToHashSet();
        Directory = (await db.RecipientDirectory.AsNoTracking().OrderBy(e => e.Name).ToListAsync(cancellationToken))
            .Where(e => !copied.Contains(e.Id)).ToList();
        return true;
    }
}
