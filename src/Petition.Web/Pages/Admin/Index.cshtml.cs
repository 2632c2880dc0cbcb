using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;

namespace Petition.Web.Pages.Admin;

public record LetterRow(string Slug, string Title, LetterStatus Status, ModerationMode Mode, int AwaitingReview);

public class AdminIndexModel(PetitionDbContext db) : PageModel
{
    public IReadOnlyList<LetterRow> Letters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Letters = await db.Letters.AsNoTracking()
            .OrderByDescending(l => l.CreatedAt)
            .Select(l => new LetterRow(l.Slug, l.Title, l.Status, l.ModerationMode,
                db.Signatures.Count(s => s.LetterId == l.Id && s.State == SignatureState.AwaitingReview)))
            .ToListAsync(cancellationToken);
}
