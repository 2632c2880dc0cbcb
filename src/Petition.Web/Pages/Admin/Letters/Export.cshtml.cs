using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Admin;
using Petition.Web.Accounts;
using Petition.Web.Admin.Audit;
using Petition.Web.Database;
using Petition.Web.Exports;
using Petition.Web.Signatories;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Admin.Letters;

/// <summary>
/// Downloads of a letter's signatory list for moderators (no emails) and admins (every field). Each one is in the
/// audit log with its filter, its size and its SHA-256, so a file that reaches the press can be traced.
/// </summary>
public class ExportModel(PetitionDbContext db, ReplicaReads reads, ExportSigningKey key, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public ExportFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true)] public ExportScope Scope { get; set; } = ExportScope.Moderation;
    [BindProperty(SupportsGet = true)] public ExportFormat Format { get; set; } = ExportFormat.Csv;
    [BindProperty(SupportsGet = true)] public bool Bundle { get; set; }

    /// <summary>The PDF's language, one the letter is translated into (the original's when not).</summary>
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }

    public Letter Letter { get; private set; } = null!;
    public IReadOnlyList<int> Versions { get; private set; } = [];
    public bool MayExportFull => AdminAccess.IsAdmin(User);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ?? await FormAsync(cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } missing)
            return missing;
        if (Scope == ExportScope.Full && !MayExportFull)
            return Forbid();
        if (!await new SignatureFilterValidator().ValidInAsync(Filter, ModelState, nameof(Filter), cancellationToken))
        {
            // The form again, with what was typed and why it is not a date: never a file of everyone instead.
            var form = await FormAsync(cancellationToken);
            form.StatusCode = StatusCodes.Status400BadRequest;
            return form;
        }
        // Made from the replica while one is in step: the file says when it was made, and a moment behind is fine there.
        var request = new ExportRequest(Letter, Scope, Format, Filter, Language);
        var file = await reads.RunAsync<SignedExports, SignedFile>(exports => exports.CreateAsync(request, cancellationToken), cancellationToken);
        if (Scope != ExportScope.Public)
        {
            audit.Record(AuditActions.SignaturesExported, Letter.Id, after: new
            {
                scope = Scope.ToString().ToLowerInvariant(), format = Format.Extension(), filter = Filter.Describe(Scope),
                signatures = file.Count, sha256 = file.Sha256Hex, file = file.FileName,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        return Bundle ? file.AsBundle(await key.PublicKeyPemAsync(cancellationToken)) : file;
    }

    async Task<PageResult> FormAsync(CancellationToken cancellationToken)
    {
        if (!MayExportFull && Scope == ExportScope.Full)
            Scope = ExportScope.Moderation;
        Versions = await db.LetterVersions.Where(v => v.LetterId == Letter.Id).Select(v => v.Version)
            .OrderByDescending(v => v).ToListAsync(cancellationToken);
        return Page();
    }

    async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().Include(l => l.Translations).FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken) is not { } letter)
            return NotFound();
        Letter = letter;
        return null;
    }
}
