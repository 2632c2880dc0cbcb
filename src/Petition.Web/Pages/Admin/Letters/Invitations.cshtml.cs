using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Admin.Audit;
using Petition.Web.Founding;
using Petition.Web.Text;
using Petition.Web.Imports;

namespace Petition.Web.Pages.Admin.Letters;

/// <summary>
/// The founding round (admins only): personal invitations, one by one or from a CSV list previewed line by line,
/// sent through the outbox; and the email domains whose people may sign while the letter is a draft.
/// </summary>
public class InvitationsModel(PetitionDbContext db, FoundingRound founding, AuditTrail audit, TimeProvider time) : PageModel
{
    /// <summary>The founding sign-up's link, with its key: the organisers hand it to the chosen domains.</summary>
    public string SignUpPath => founding.SignUpPath(Letter);

    public const int MaxBytes = 2 * 1024 * 1024;

    public Letter Letter { get; private set; } = null!;
    public int Invited { get; private set; }
    public int Used { get; private set; }
    public int FoundingSignatures { get; private set; }

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Domains { get; set; }
    [BindProperty] public string? WithdrawEmail { get; set; }

    /// <summary>The list's lines as the preview judged them; null before a preview.</summary>
    public List<InvitationLine>? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        var (text, _, problem) = await ImportUpload.ReadAsync(Upload, Text, null, MaxBytes, cancellationToken);
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Upload), problem);
            return Page();
        }
        Text = text;
        Preview = await founding.CheckAsync(Letter, InvitationLines.Parse(text), cancellationToken);
        return Page();
    }

    /// <summary>Sends the list previewed (checked again now), or the one address typed in the single form.</summary>
    public async Task<IActionResult> OnPostSendAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        if (!FoundingRound.Invites(Letter, time.GetUtcNow()))
        {
            ModelState.AddModelError("", "The letter takes no signatures now (closed, or not yet open), so it takes no invitations.");
            return Page();
        }
        var single = Text is null;
        var lines = InvitationLines.Parse(single ? $"{Email?.Replace(",", " ")},{Name?.Replace(",", " ")}" : Text);
        var checkedLines = await founding.CheckAsync(Letter, lines, cancellationToken);
        if (single && (checkedLines.Count == 0 || checkedLines[0].Error is not null))
        {
            ModelState.AddModelError(nameof(Email), checkedLines.Count == 0 ? "Enter an email address." : checkedLines[0].Error!);
            return Page();
        }
        var sent = await founding.InviteAsync(Letter, lines, cancellationToken);
        TempData["Status"] = $"{sent:N0} invitation(s) sent; {lines.Count - sent:N0} line(s) skipped.";
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        if (!EmailAddress.IsValid(WithdrawEmail))
        {
            ModelState.AddModelError(nameof(WithdrawEmail), "Enter the email address the invitation was sent to.");
            return Page();
        }
        var withdrawn = await founding.WithdrawAsync(Letter, WithdrawEmail!, cancellationToken);
        TempData["Status"] = withdrawn == 0
            ? "No unused invitation was sent to that address (a used one stays: its signature is the signer's)."
            : "The invitation is withdrawn: its link signs nothing now.";
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostDomainsAsync(string slug, CancellationToken cancellationToken)
    {
        var typed = Domains ?? ""; // an emptied field comes as null: none, not the domains the page would fill in again
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        var (domains, bad) = FoundingDomains.Parse(typed);
        if (bad is not null)
        {
            ModelState.AddModelError(nameof(Domains), $"\"{bad}\" is not a domain like example.org.");
            return Page();
        }
        var tracked = await db.Letters.SingleAsync(l => l.Id == Letter.Id, cancellationToken);
        audit.Record("letter.founding-domains", tracked.Id, before: tracked.FoundingDomains, after: domains);
        tracked.FoundingDomains = domains;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Status"] = domains.Count == 0 ? "No domain may sign the draft now." : $"People at {string.Join(", ", domains)} may sign the draft.";
        return RedirectToPage(new { slug });
    }

    async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken) is not { } letter)
            return false;
        Letter = letter;
        Domains ??= string.Join(" ", letter.FoundingDomains);
        Invited = await db.Invitations.CountAsync(i => i.LetterId == letter.Id, cancellationToken);
        Used = await db.Invitations.CountAsync(i => i.LetterId == letter.Id && i.UsedAt != null, cancellationToken);
        FoundingSignatures = await db.Signatures.CountAsync(s => s.LetterId == letter.Id && s.Founding, cancellationToken);
        return true;
    }
}
