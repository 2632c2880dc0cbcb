using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Petition.Web.Founding;
using Petition.Web.Letters;
using Petition.Web.Signing;

using Petition.Web.Front;

namespace Petition.Web.Pages.Letters;

/// <summary>
/// A personal invitation's page: the letter and the sign form, the address fixed to the one invited. Opening it is
/// harmless (a mail scanner may); signing is the POST. A used link, another address, a closed letter: a clear page.
/// </summary>
[Limited(Door.Sign, PostOnly = true)]
public class InvitationModel(FoundingRound founding, LetterMarkdown markdown,
    Microsoft.Extensions.Localization.IStringLocalizer<Languages.SiteText> text) : PageModel
{
    [BindProperty] public InvitedForm Input { get; set; } = new();

    public InvitationView View { get; private set; } = new(InvitationStatus.NotFound);
    public string BodyHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        View = await founding.FindAsync(token, cancellationToken);
        Input.Email = View.Email;
        Input.Name = View.Name;
        return Shown();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        View = await founding.FindAsync(token, cancellationToken);
        if (View.Status != InvitationStatus.Ready)
            return Shown();
        ModelState.Clear(); // the validator below is the only judge of the input
        Input.ApplyListing();
        var letter = View.Letter!;
        var valid = await new SignatureFormValidator(letter, text, proofOfWork: null).ValidInAsync(Input, ModelState, nameof(Input), cancellationToken);
        if (!Input.AcceptPrivacy)
            ModelState.AddModelError("Input.AcceptPrivacy", text["Agree to the privacy notice to sign."]);
        if (!valid || !Input.AcceptPrivacy)
            return Shown();
        View = await founding.SignAsync(token, Input, RequestInfo.From(HttpContext), cancellationToken);
        return Shown();
    }

    IActionResult Shown()
    {
        if (View.Letter is { } letter && View.Status == InvitationStatus.Ready)
            BodyHtml = markdown.ToHtml(LetterText.Of(letter).Body);
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer"; // the address bar holds the token
        return View.Status == InvitationStatus.NotFound ? NotFound(this) : Page();
    }

    IActionResult NotFound(PageModel page)
    {
        page.Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

/// <summary>The invited person's form: the signer's details and their consent.</summary>
public class InvitedForm : SignatureFormInput
{
    public bool AcceptPrivacy { get; set; }
}
