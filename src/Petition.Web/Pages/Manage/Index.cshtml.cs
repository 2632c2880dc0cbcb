using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Petition.Data.Signatures;
using Petition.Web.Front;
using Petition.Web.Languages;
using Petition.Web.Letters;
using Petition.Web.Managing;
using Petition.Web.Pages.Letters;
using Petition.Web.Seals;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Manage;

/// <summary>The signer's own page, reached only through the private link in their emails.</summary>
[Limited(Door.Manage)]
public class IndexModel(SignatureManagement management, SealReceipts receipts, IStringLocalizer<SiteText> text, TimeProvider time) : PageModel
{
    [BindProperty] public SignatureFormInput Input { get; set; } = new();

    public Signature? Signature { get; private set; }

    /// <summary>
    /// Where the signer reads the text they signed, in every language it was kept in (the letter's public versions
    /// page, at their version); null while the letter is not public.
    /// </summary>
    public string? SignedTextLink => Signature is { } signature && signature.Letter.IsPublic(time.GetUtcNow())
        ? $"/letters/{signature.Letter.Slug}/versions#version-{signature.LetterVersion}"
        : null;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
            return Gone();
        var input = SignatureDetails.ToInput(Signature!);
        Input = new SignatureFormInput
        {
            Name = input.Name, Email = input.Email, Title = input.Title, Organization = input.Organization,
            Country = input.Country, Category = input.Category, City = input.City, Comment = input.Comment,
            ListPublicly = input.ListPublicly, ShowVerifiedBadge = input.ShowVerifiedBadge, WantsUpdates = input.WantsUpdates, Listing = SignatureFormInput.ListingOf(input),
        };
        return Page();
    }

    /// <summary>Everything held about the signer, as a JSON file.</summary>
    public async Task<IActionResult> OnGetDataAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
            return Gone();
        var json = JsonSerializer.SerializeToUtf8Bytes(SignatureManagement.Export(Signature!), new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        return File(json, "application/json", "my-signature.json");
    }

    /// <summary>
    /// The signer's inclusion receipt from the newest seal that holds their entry as it is now; when there is none,
    /// the page again, saying why.
    /// </summary>
    public async Task<IActionResult> OnGetReceiptAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
            return Gone();
        var (status, receipt) = await receipts.ForAsync(Signature!, cancellationToken);
        if (receipt is not null)
            return File(receipt.ToUtf8(), "application/json", $"{Signature!.Letter.Slug}-receipt-seal-{receipt.Seal}.json");
        TempData["Status"] = status == ReceiptStatus.NotSealed
            ? text["The list has not been sealed yet. Once the organisers seal it, your receipt will be here."].Value
            : text["Your entry is not in a seal as it is now (it changed since, or was not published then). The next seal will hold it."].Value;
        return RedirectToPage(new { token });
    }

    public async Task<IActionResult> OnPostCorrectAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
            return Gone();
        ModelState.Clear();
        Input.Email = Signature!.Email; // the address is what identifies the signature; it is not corrected here
        Input.ApplyListing();
        if (!await new SignatureFormValidator(Signature.Letter, text).ValidInAsync(Input, ModelState, nameof(Input), cancellationToken))
            return Page();
        var wasPublished = Signature.State == SignatureState.Published;
        await management.CorrectAsync(Signature, Input, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        TempData["Status"] = wasPublished && Signature.State == SignatureState.AwaitingReview
            ? text["Your corrections are saved. A moderator will review them before your name is shown again."].Value
            : text["Your corrections are saved."].Value;
        return RedirectToPage(new { token });
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
            return Gone();
        await management.UnsubscribeAsync(Signature!, cancellationToken);
        TempData["Status"] = text["You will receive no more updates about this letter."].Value;
        return RedirectToPage(new { token });
    }

    /// <summary>Erasing cannot be undone, so it is asked once, in the form itself (works without JavaScript).</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(string token, bool sure, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
            return Gone();
        if (!sure)
        {
            TempData["Status"] = text["Nothing was withdrawn: tick the box to confirm that you want your signature erased."].Value;
            return RedirectToPage(new { token });
        }
        var slug = Signature!.Letter.Slug;
        await management.WithdrawAsync(Signature, cancellationToken);
        TempData["Status"] = text["Your signature has been withdrawn and your details erased."].Value;
        return RedirectToPage("/Letters/Show", new { slug });
    }

    async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        Signature = await management.FindAsync(token, cancellationToken);
        return Signature is not null;
    }

    IActionResult Gone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
