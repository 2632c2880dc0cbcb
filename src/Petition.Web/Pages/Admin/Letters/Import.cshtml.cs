using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Imports;

namespace Petition.Web.Pages.Admin.Letters;

/// <summary>
/// Import signatures from a CSV file: upload, a preview that marks every bad line and every signer already on the
/// letter, then a commit that imports all the good lines or, if any line is bad, nothing. Admins only.
/// </summary>
[RequestFormLimits(ValueLengthLimit = ImportFile.MaxBytes + 1024 * 1024, MultipartBodyLengthLimit = ImportFile.MaxBytes + 1024 * 1024)]
[RequestSizeLimit(ImportFile.MaxBytes + 2 * 1024 * 1024)]
public class ImportModel(PetitionDbContext db, ImportCheck check, SignatureImport import) : PageModel
{
    /// <summary>Lines shown in the preview besides the ones with something to say about them.</summary>
    public const int ReadyLinesShown = 20;
    public const int ProblemLinesShown = 500;

    [BindProperty] public IFormFile? Upload { get; set; }
    /// <summary>The file's text, carried from the preview to the commit, where it is checked again.</summary>
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? FileName { get; set; }
    [BindProperty] public ImportConfirmation Confirmation { get; set; }
    /// <summary>The organiser's choice of field for each column, from the preview's column step.</summary>
    [BindProperty] public List<ColumnChoice> Mapping { get; set; } = [];

    public Letter Letter { get; private set; } = null!;
    public ImportReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostPreviewAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } missing)
            return missing;
        var (text, fileName, problem) = await ImportUpload.ReadAsync(Upload, Text, FileName, ImportFile.MaxBytes, cancellationToken);
        if (text is null)
            return Problem(problem!);
        (Text, FileName) = (text, fileName);
        Report = await check.CheckAsync(Letter, text, Chosen(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } missing)
            return missing;
        if (string.IsNullOrWhiteSpace(Text))
            return Problem("There is nothing to import: preview a file first.");
        var result = await import.CommitAsync(Letter, Text, FileName ?? "pasted.csv", Confirmation, Chosen(), cancellationToken);
        if (!result.Report.CanCommit)
        {
            Report = result.Report;
            ModelState.AddModelError(nameof(Upload), "Nothing was imported: fix the lines marked below and preview the file again.");
            return Page();
        }
        TempData["Status"] = Confirmation == ImportConfirmation.EmailEachSigner
            ? $"Imported {result.Imported} signatures; each signer has been sent a confirmation email."
            : $"Imported {result.Imported} signatures, confirmed by the organiser and published.";
        return RedirectToPage(new { slug });
    }

    /// <summary>The columns as chosen on this page, else as remembered from the letter's last import.</summary>
    IReadOnlyDictionary<string, string> Chosen() => Mapping.Count > 0
        ? Mapping.Where(c => !string.IsNullOrWhiteSpace(c.Header))
            .GroupBy(c => c.Header.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Field ?? "", StringComparer.OrdinalIgnoreCase)
        : ImportColumns.Remembered(Letter.ImportColumns);

    IActionResult Problem(string message)
    {
        ModelState.AddModelError(nameof(Upload), message);
        return Page();
    }

    async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        // With its translations: each confirmation email gives the letter's title in the signer's language.
        if (await db.Letters.AsNoTracking().Include(l => l.Translations).FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken) is not { } letter)
            return NotFound();
        Letter = letter;
        return null;
    }
}

public class ColumnChoice
{
    public string Header { get; set; } = "";
    public string? Field { get; set; }
}
