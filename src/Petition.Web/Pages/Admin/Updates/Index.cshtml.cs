using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Updates;
using Petition.Web.Languages;
using Petition.Web.Letters;
using Petition.Web.Signing;
using Petition.Web.Text;
using Petition.Web.Updates;

namespace Petition.Web.Pages.Admin.Updates;

/// <summary>
/// Updates to the signers who asked for them: write one (in the letter's language, and in others where the
/// organisers can), for every country or one, and follow, pause or resume its sending. Admins only.
/// </summary>
public class IndexModel(PetitionDbContext db, LetterUpdates updates) : PageModel
{
    [BindProperty] public Dictionary<string, string?> Subject { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Body { get; set; } = [];
    [BindProperty] public string? Country { get; set; }

    public Letter Letter { get; private set; } = null!;
    public List<LetterUpdate> Posted { get; private set; } = [];
    public int Audience { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        var texts = SiteLanguages.All.Select(l => l.Code)
            .Where(code => !string.IsNullOrWhiteSpace(Subject.GetValueOrDefault(code)) || !string.IsNullOrWhiteSpace(Body.GetValueOrDefault(code)))
            .Select(code => new UpdateText(code, Subject.GetValueOrDefault(code)?.Trim() ?? "", Body.GetValueOrDefault(code)?.Trim() ?? ""))
            .OrderBy(t => t.Language == Letter.Language ? 0 : 1).ToList();
        var country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant();
        if (texts.FirstOrDefault()?.Language != Letter.Language
            || texts.Any(t => t.Subject.Length is 0 or > 200 || t.Body.Length is 0 or > 10_000
                || !TextRules.IsClean(t.Subject) || !TextRules.IsClean(t.Body, allowLineBreaks: true))
            || (country is not null && !Countries.Codes.Contains(country)))
        {
            TempData["Status"] = $"Nothing was sent: write a subject (up to 200 characters) and a text (up to 10,000, plain) in the letter's language ({Letter.Language}) and in each other language you fill in, and leave the country empty or give its two-letter code.";
            return RedirectToPage(new { slug });
        }
        var update = await updates.PostAsync(Letter.Id, texts, country, cancellationToken);
        TempData["Status"] = $"Update queued for {update.Total:N0} signers; it is written to the outbox in chunks.";
        return RedirectToPage(new { slug });
    }

    public Task<IActionResult> OnPostPauseAsync(string slug, int id, CancellationToken cancellationToken) => SetPausedAsync(slug, id, true, cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(string slug, int id, CancellationToken cancellationToken) => SetPausedAsync(slug, id, false, cancellationToken);

    async Task<IActionResult> SetPausedAsync(string slug, int id, bool paused, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken) || await db.LetterUpdates.FirstOrDefaultAsync(u => u.Id == id && u.LetterId == Letter.Id, cancellationToken) is not { } update)
            return NotFound();
        TempData["Status"] = await updates.SetPausedAsync(update, paused, cancellationToken)
            ? paused ? "Paused: no more emails of this update are written until you resume it." : "Resumed."
            : "Nothing changed: the update had moved on (finished, or paused or resumed by someone else). Look again.";
        return RedirectToPage(new { slug });
    }

    async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken) is not { } letter)
            return false;
        Letter = letter;
        Posted = await db.LetterUpdates.AsNoTracking().Where(u => u.LetterId == letter.Id).OrderByDescending(u => u.Id).ToListAsync(cancellationToken);
        Audience = await updates.Audience(letter.Id, null).CountAsync(cancellationToken);
        return true;
    }
}
