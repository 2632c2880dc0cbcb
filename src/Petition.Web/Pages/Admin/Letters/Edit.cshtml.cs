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
public class EditLetterModel(PetitionDbContext db, LetterEditor editor, LetterMarkdown markdown, Managing.VersionNotices notices) : PageModel
{
    [BindProperty] public LetterForm Input { get; set; } = new() { Status = LetterStatus.Draft };

    public bool IsNew { get; private set; }
    public int CurrentVersion { get; private set; }
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
        var validation = await new LetterFormValidator().ValidateAsync(Input, cancellationToken);
        validation.CopyTo(ModelState, nameof(Input));
        if (validation.IsValid && await editor.SlugTakenAsync(Input.Slug.Trim(), letter?.Id, cancellationToken))
            ModelState.AddModelError("Input.Slug", "Another letter has this address.");
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
        var count = await notices.QueueAsync(letter.Id, summary, User.Identity?.Name ?? "admin", cancellationToken);
        TempData["Status"] = $"{count} earlier signers will be emailed.";
        return Redirect($"/admin/letters/{letter.Slug}/edit");
    }

    async Task<Letter?> FindAsync(string? slug, CancellationToken cancellationToken)
    {
        IsNew = slug is null;
        if (slug is null)
            return null;
        var letter = await db.Letters.FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken);
        CurrentVersion = letter?.Version ?? 0;
        return letter;
    }
}
