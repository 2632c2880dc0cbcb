using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Admin.Letters;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Admin.Letters;

/// <summary>Creates (at /admin/letters/new) and edits a letter; only admins reach it (see AdminAccess).</summary>
[RequestSizeLimit(Front.BodyLimits.LetterTextMaxBytes)]
public class EditLetterModel(PetitionDbContext db, LetterEditor editor, LetterMarkdown markdown, Petition.Web.Updates.VersionNotices notices,
    Petition.Web.Admin.Audit.AuditTrail audit, TimeProvider time) : PageModel
{
    [BindProperty] public LetterForm Input { get; set; } = new() { Status = LetterStatus.Draft };

    public bool IsNew { get; private set; }
    public int CurrentVersion { get; private set; }
    public string? LogoType { get; private set; }
    public string? PreviewHtml { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        var letter = await FindAsync(slug, cancellationToken);
        if (slug is not null && letter is null)
            return NotFound();
        if (letter is not null)
            Input = LetterForm.From(letter);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is not null && await FindAsync(slug, cancellationToken) is null)
            return NotFound();
        ModelState.Clear();
        PreviewHtml = markdown.ToHtml(Input.Body ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken cancellationToken)
    {
        var letter = await FindAsync(slug, cancellationToken);
        if (slug is not null && letter is null)
            return NotFound();
        ModelState.Clear();
        if (await new LetterFormValidator().ValidInAsync(Input, ModelState, nameof(Input), cancellationToken) && await editor.SlugTakenAsync(Input.Slug.Trim(), letter?.Id, cancellationToken))
            ModelState.AddModelError("Input.Slug", "Another letter has this address.");
        if (ModelState.IsValid && letter is not null && await editor.RefusalAsync(letter, Input, cancellationToken) is { } refusal)
            ModelState.AddModelError($"Input.{refusal.Field}", refusal.Message);
        if (!ModelState.IsValid)
            return Page();

        if (letter is null)
            letter = await editor.CreateAsync(Input, cancellationToken);
        else
            await editor.UpdateAsync(letter, Input, cancellationToken);
        TempData["Status"] = $"Saved. The letter is at version {letter.Version}.";
        return Redirect($"/admin/letters/{letter.Slug}/edit");
    }

    public async Task<IActionResult> OnPostNotifySignersAsync(string? slug, string? changeSummary, CancellationToken cancellationToken)
    {
        var letter = await FindAsync(slug, cancellationToken);
        if (letter is null)
            return NotFound();
        var summary = string.IsNullOrWhiteSpace(changeSummary) ? null : changeSummary.Trim()[..Math.Min(changeSummary.Trim().Length, 2000)];
        TempData["Status"] = await notices.QueueAsync(letter.Id, summary, cancellationToken) is { } count
            ? $"{count} earlier signers will be emailed; the updates page shows the progress."
            : $"Signers of earlier versions were already told of version {letter.Version}.";
        return Redirect($"/admin/letters/{letter.Slug}/edit");
    }

    /// <summary>Uploads (or removes) the organiser's logo: a PNG or JPEG of at most 200 KB, checked by its content.</summary>
    public async Task<IActionResult> OnPostLogoAsync(string? slug, IFormFile? logo, bool remove, CancellationToken cancellationToken)
    {
        var letter = await FindAsync(slug, cancellationToken);
        if (letter is null)
            return NotFound();
        var stored = await db.LetterLogos.FirstOrDefaultAsync(l => l.LetterId == letter.Id, cancellationToken);
        if (remove)
        {
            if (stored is not null)
                db.LetterLogos.Remove(stored);
            letter.Organiser.LogoType = null;
            TempData["Status"] = "The logo is removed.";
        }
        else
        {
            using var buffer = new MemoryStream();
            if (logo is { Length: > 0 and <= Petition.Web.Letters.OrganiserLogos.MaxBytes })
                await logo.CopyToAsync(buffer, cancellationToken);
            if (Petition.Web.Letters.OrganiserLogos.TypeOf(buffer.ToArray()) is not { } type)
            {
                TempData["Status"] = "The logo must be a PNG or JPEG picture of at most 200 KB. Nothing was changed.";
                return Redirect($"/admin/letters/{letter.Slug}/edit#logo");
            }
            stored ??= db.LetterLogos.Add(new LetterLogo { LetterId = letter.Id }).Entity;
            stored.Content = buffer.ToArray();
            stored.UpdatedAt = time.GetUtcNow();
            letter.Organiser.LogoType = type;
            TempData["Status"] = "The logo is saved.";
        }
        letter.UpdatedAt = time.GetUtcNow();
        audit.Record(Petition.Web.Admin.Audit.AuditActions.LetterUpdated, letter.Id, after: new { logo = letter.Organiser.LogoType ?? "removed" });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/admin/letters/{letter.Slug}/edit#logo");
    }

    async Task<Letter?> FindAsync(string? slug, CancellationToken cancellationToken)
    {
        IsNew = slug is null;
        if (slug is null)
            return null;
        var letter = await db.Letters.FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken);
        CurrentVersion = letter?.Version ?? 0;
        LogoType = letter?.Organiser.LogoType;
        return letter;
    }
}
