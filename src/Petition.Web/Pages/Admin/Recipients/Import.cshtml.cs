using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Imports;
using Petition.Web.Recipients;

namespace Petition.Web.Pages.Admin.Recipients;

/// <summary>
/// Import recipients from a CSV file, into a letter (with a slug) or into the directory: upload, a preview that
/// marks every bad line, then a commit that adds every good line or, if any line is bad, nothing. Admins only.
/// </summary>
[RequestFormLimits(ValueLengthLimit = RecipientFile.MaxBytes * 2, MultipartBodyLengthLimit = RecipientFile.MaxBytes * 2)]
[RequestSizeLimit(RecipientFile.MaxBytes * 3)]
public class ImportModel(PetitionDbContext db, RecipientBook book) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>The file's text, carried from the preview to the commit, where it is checked again.</summary>
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? FileName { get; set; }

    /// <summary>The letter imported into; null for the directory.</summary>
    public Letter? Letter { get; private set; }
    public RecipientReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(string? slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        var (text, fileName, problem) = await ImportUpload.ReadAsync(Upload, Text, FileName, RecipientFile.MaxBytes, cancellationToken);
        if (text is null)
            return Problem(problem!);
        (Text, FileName) = (text, fileName);
        Report = await book.CheckAsync(Letter?.Id, text, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(string? slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        if (string.IsNullOrWhiteSpace(Text))
            return Problem("There is nothing to import: preview a file first.");
        var (report, added) = await book.ImportAsync(Letter?.Id, Text, FileName ?? "pasted.csv", cancellationToken);
        if (!report.CanCommit)
        {
            Report = report;
            return Problem("Nothing was imported: fix the lines marked below and preview the file again.");
        }
        TempData["Status"] = $"Imported {added} recipients" + (report.Count(RecipientLineStatus.AlreadyThere) is > 0 and var skipped ? $"; {skipped} were already there." : ".");
        return Letter is null ? RedirectToPage("/Admin/Recipients/Index") : RedirectToPage("/Admin/Recipients/Letter", new { slug });
    }

    IActionResult Problem(string message)
    {
        ModelState.AddModelError(nameof(Upload), message);
        return Page();
    }

    async Task<bool> LoadAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is null)
            return true;
        Letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken);
        return Letter is not null;
    }
}
