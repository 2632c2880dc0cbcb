using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Founding;
using Petition.Web.Front;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Letters;

/// <summary>
/// Sign-up from the organisers' chosen domains while the letter is a draft (the founding round): the draft's text
/// and the sign form; an address elsewhere is refused in words; the signature is confirmed by email like any other.
/// Found only while the letter is a draft with founding domains; antiforgery on, like every console-side form.
/// </summary>
[Limited(Door.Sign, PostOnly = true)]
public class FoundingModel(FoundingRound founding, SigningService signing, LetterMarkdown markdown,
    Microsoft.Extensions.Localization.IStringLocalizer<Languages.SiteText> text) : PageModel
{
    [BindProperty] public InvitedForm Input { get; set; } = new();

    public Letter Letter { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";

    /// <summary>Set once the form is sent: the page then says to check the email.</summary>
    public bool Sent { get; private set; }

    /// <summary>Where this form's privacy notice is: behind the same key.</summary>
    public string NoticePath => Request.Path.Value!.TrimEnd('/') + "/privacy";

    public async Task<IActionResult> OnGetAsync(string slug, string key, CancellationToken cancellationToken) =>
        await LoadAsync(slug, key, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, key, cancellationToken))
            return NotFound();
        ModelState.Clear();
        Input.ApplyListing();
        var valid = await new SignatureFormValidator(Letter, text).ValidInAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (!Input.AcceptPrivacy)
            ModelState.AddModelError("Input.AcceptPrivacy", text["Agree to the privacy notice to sign."]);
        if (valid && !FoundingDomains.Allows(Letter.FoundingDomains, Input.Email!))
            ModelState.AddModelError("Input.Email", text["Before the letter is published, only addresses at {0} may sign.", string.Join(", ", Letter.FoundingDomains)]);
        if (!ModelState.IsValid)
            return Page();
        var (accepted, retryAfter) = await signing.SignAsync(Letter, Input, SignatureSource.Form, RequestInfo.From(HttpContext), cancellationToken);
        if (!accepted)
        {
            Response.SetRetryAfter(retryAfter);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        Sent = true;
        return Page();
    }

    async Task<bool> LoadAsync(string slug, string key, CancellationToken cancellationToken)
    {
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow"; // a draft: its link may sit in a list's public archive
        if (await founding.DraftForSignUpAsync(slug, key, cancellationToken) is not { } letter)
            return false;
        Letter = letter;
        BodyHtml = markdown.ToHtml(LetterText.Of(letter).Body);
        Response.Headers.CacheControl = "no-store";
        return true;
    }
}
