using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Seals;

namespace Petition.Web.Pages.Admin.Letters;

/// <summary>The letter's seals, and the button that seals the list now (admins: a seal is published on the timeline).</summary>
public class SealsModel(PetitionDbContext db, ListSealing sealing, TimeProvider time) : PageModel
{
    public Letter Letter { get; private set; } = null!;
    public IReadOnlyList<SealSummary> Seals { get; private set; } = [];

    public record SealSummary(int Number, DateTimeOffset SealedAt, string SealedBy, int Size, int Listed, byte[] Root);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        if (!ListSealing.CanSeal(Letter, time.GetUtcNow()))
        {
            ModelState.AddModelError("", "Nothing was sealed: " + ListSealing.NotPublicYet);
            return Page();
        }
        try
        {
            var seal = await sealing.SealAsync(Letter, User.Identity?.Name ?? "admin", cancellationToken);
            TempData["Status"] = $"Sealed: seal {seal.Number}, {seal.Size:N0} signatures ({seal.Listed:N0} listed).";
        }
        catch (DbUpdateException)
        {
            // Another organiser sealed at the same moment and took this number.
            TempData["Status"] = "Someone else sealed the list at the same moment; theirs is below. Seal again if you need a newer one.";
        }
        return RedirectToPage(new { slug });
    }

    async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken) is not { } letter)
            return false;
        Letter = letter;
        Seals = await db.ListSeals.AsNoTracking().Where(s => s.LetterId == letter.Id).OrderByDescending(s => s.Number)
            .Select(s => new SealSummary(s.Number, s.SealedAt, s.SealedBy, s.Size, s.Listed, s.Root)).ToListAsync(cancellationToken);
        return true;
    }
}
