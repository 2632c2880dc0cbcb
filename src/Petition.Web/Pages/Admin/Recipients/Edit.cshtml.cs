using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Recipients;
using Petition.Web.Recipients;

namespace Petition.Web.Pages.Admin.Recipients;

/// <summary>One recipient of a letter: their details, and the answer the organisers record. Admins only.</summary>
[RequestSizeLimit(AnswerDocuments.MaxBytes + 1024 * 1024)] // the answer's document and the form around it
public class EditModel(PetitionDbContext db, RecipientBook book, AnswerDocuments documents, TimeProvider time) : PageModel
{
    [BindProperty] public AddresseeInput Input { get; set; } = new();
    [BindProperty] public AnswerForm Answer { get; set; } = new();

    /// <summary>A new document for the answer (replacing the one recorded), or none.</summary>
    [BindProperty] public IFormFile? Document { get; set; }
    [BindProperty] public bool RemoveDocument { get; set; }

    /// <summary>The document recorded with the answer, if any.</summary>
    public DocumentInfo? Recorded { get; private set; }

    public Letter Letter { get; private set; } = null!;
    public Recipient Recipient { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int recipientId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, recipientId, cancellationToken))
            return NotFound();
        Input = AddresseeInput.Of(Recipient);
        Answer = AnswerForm.Of(Recipient);
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(string slug, int recipientId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, recipientId, cancellationToken))
            return NotFound();
        Answer = AnswerForm.Of(Recipient);
        if (AddresseeRules.Check(Input, ModelState, nameof(Input)) is not { } details)
            return Page();
        if (await book.UpdateAsync(Recipient, details, cancellationToken) is { } taken)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Emails)}", taken);
            return Page();
        }
        TempData["Status"] = $"Saved {Recipient.Name}.";
        return RedirectToPage(new { slug, recipientId });
    }

    public async Task<IActionResult> OnPostAnswerAsync(string slug, int recipientId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, recipientId, cancellationToken))
            return NotFound();
        Input = AddresseeInput.Of(Recipient);
        ModelState.Clear(); // the answer's own check is the only judge
        var (document, problem) = await AnswerDocuments.ReadAsync(Document, cancellationToken);
        if (problem is not null)
            ModelState.AddModelError(nameof(Document), problem + " Choose the file again: a browser never keeps one across a page.");
        if (!Answer.Check(ModelState, nameof(Answer), time.GetUtcNow()) || problem is not null)
            return Page();
        await book.RecordAnswerAsync(Recipient, Answer, cancellationToken, document, RemoveDocument);
        TempData["Status"] = $"Recorded the answer of {Recipient.Name}: {AnswerWords.Name(Answer.Status)}{(Answer.Public ? ", public" : "")}.";
        return RedirectToPage(new { slug, recipientId });
    }

    /// <summary>The recorded document, for the organisers, whether or not the answer is public.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string slug, int recipientId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, recipientId, cancellationToken) || await documents.OpenAsync(recipientId, cancellationToken) is not var (info, content))
            return NotFound();
        AnswerDocuments.AsDownload(Response);
        return File(content, info.MediaType, info.FileName);
    }

    async Task<bool> LoadAsync(string slug, int id, CancellationToken cancellationToken)
    {
        if (await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Slug == slug, cancellationToken) is not { } letter
            || await db.Recipients.FirstOrDefaultAsync(r => r.Id == id && r.LetterId == letter.Id, cancellationToken) is not { } recipient)
            return false;
        (Letter, Recipient) = (letter, recipient);
        Recorded = (await documents.InfoAsync([id], cancellationToken)).GetValueOrDefault(id);
        return true;
    }
}
