using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Audit;
using Petition.Data.Letters;
using Petition.Web.Admin.Audit;
using Petition.Web.Admin.Review;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Admin.Letters;

/// <summary>One signature: the moderator's single actions, each a POST that comes back here.</summary>
public class SignatureModel(PetitionDbContext db, SignatureModeration moderation, AuditTrail audit) : PageModel
{
    /// <summary>The address in full, for an admin who asked for it on this request (audited); null otherwise.</summary>
    public string? RevealedEmail { get; private set; }

    [BindProperty] public SignatureCorrection Correction { get; set; } = new();

    public Letter Letter { get; private set; } = null!;
    public Data.Signatures.Signature Signature { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, long id, CancellationToken cancellationToken) =>
        await LoadAsync(slug, id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecideAsync(string slug, long id, Verdict verdict, string? reason, string? note,
        CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, id, cancellationToken))
            return NotFound();
        var why = RejectionReasons.Combine(RejectionReasons.All.Contains(reason ?? "") ? reason : null, note);
        if (verdict == Verdict.Reject && why is null)
            return Back("A rejection needs a reason: choose one from the list or write a note.");
        var decision = await moderation.DecideAsync(Letter.Id, db.Signatures.Where(s => s.Id == id), verdict,
            verdict == Verdict.Reject ? why : null, "signature", cancellationToken);
        return Back(decision.Changed == 0 ? Refusal(verdict) : verdict == Verdict.Approve ? "Approved." : "Rejected.");
    }

    /// <summary>An admin asks to see the address: shown on this answer only, and the asking is in the audit log.</summary>
    public async Task<IActionResult> OnPostRevealAsync(string slug, long id, CancellationToken cancellationToken)
    {
        if (!AddressView.MayReveal(User))
            return Forbid();
        if (!await LoadAsync(slug, id, cancellationToken))
            return NotFound();
        audit.Record(AuditActions.SignatureEmailRevealed, Letter.Id, id);
        await db.SaveChangesAsync(cancellationToken);
        RevealedEmail = Signature.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostNotableAsync(string slug, long id, bool notable, int? order, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, id, cancellationToken))
            return NotFound();
        await moderation.SetNotableAsync(Signature, notable, order, cancellationToken);
        return Back(notable ? "Marked notable: listed first." : "No longer notable.");
    }

    public async Task<IActionResult> OnPostHiddenAsync(string slug, long id, bool hidden, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, id, cancellationToken))
            return NotFound();
        await moderation.SetHiddenAsync(Signature, hidden, cancellationToken);
        return Back(hidden ? "The name is hidden from the public list; the signature still counts." : "The name is listed again.");
    }

    public async Task<IActionResult> OnPostCheckedAsync(string slug, long id, string? how, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, id, cancellationToken))
            return NotFound();
        if (how is { Length: > 500 })
        {
            ModelState.AddModelError("how", "Say how in 500 characters at most.");
            return Page();
        }
        await moderation.SetCheckedAsync(Signature, how, cancellationToken);
        return Back(string.IsNullOrWhiteSpace(how) ? "No longer marked as checked." : "Marked as checked by the organisers.");
    }

    public async Task<IActionResult> OnPostCorrectAsync(string slug, long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, id, cancellationToken))
            return NotFound();
        ModelState.Clear();
        if (!await new SignatureCorrectionValidator().ValidInAsync(Correction, ModelState, nameof(Correction), cancellationToken))
            return Page();
        var changed = await moderation.CorrectAsync(Signature, Correction, cancellationToken);
        return Back(changed ? "Corrected." : "Nothing was different: nothing changed.");
    }

    public async Task<IActionResult> OnPostEraseAsync(string slug, long id, string? note, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, id, cancellationToken))
            return NotFound();
        await moderation.EraseAsync(Signature, note, cancellationToken);
        return Back("The signature's personal data is erased.");
    }

    string Refusal(Verdict verdict) => verdict == Verdict.Approve && Signature.ConfirmedAt is null
        ? "Its owner never confirmed it from their email, so it cannot be published."
        : $"A {Signature.State} signature cannot be {(verdict == Verdict.Approve ? "approved" : "rejected")}.";

    IActionResult Back(string status)
    {
        TempData["Status"] = status;
        return Redirect($"/admin/letters/{Letter.Slug}/signatures/{Signature.Id}");
    }

    async Task<bool> LoadAsync(string slug, long id, CancellationToken cancellationToken)
    {
        var signature = await db.Signatures.Include(s => s.Letter)
            .FirstOrDefaultAsync(s => s.Id == id && s.Letter.Slug == slug, cancellationToken);
        if (signature is null)
            return false;
        Signature = signature;
        Letter = signature.Letter;
        History = await db.Audit.AsNoTracking().Where(e => e.SignatureId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return true;
    }
}
