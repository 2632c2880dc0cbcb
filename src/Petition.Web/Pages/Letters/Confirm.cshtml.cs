using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Petition.Data.Signatures;
using Petition.Web.Languages;
using Petition.Web.Signing;
using Petition.Web.Front;

namespace Petition.Web.Pages.Letters;

/// <summary>
/// Opening the emailed link shows what will be signed; only pressing the button signs. Mail scanners open links,
/// and must not be able to sign anyone up.
/// </summary>
[Limited(Door.Confirm)]
public class ConfirmModel(Confirmation confirmation, IStringLocalizer<SiteText> text) : PageModel
{
    public ConfirmationLookup Lookup { get; private set; } = ConfirmationLookup.NotFound;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Lookup = await confirmation.FindAsync(token, cancellationToken);
        Response.StatusCode = StatusOf(Lookup.Status);
        return Page();
    }

    static int StatusOf(ConfirmationStatus status) => status switch
    {
        ConfirmationStatus.NotFound => StatusCodes.Status404NotFound,
        ConfirmationStatus.LetterNotOpen => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status200OK,
    };

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Lookup = await confirmation.ConfirmAsync(token, cancellationToken);
        if (Lookup.Status != ConfirmationStatus.Confirmed)
        {
            Response.StatusCode = StatusOf(Lookup.Status);
            return Page();
        }
        var signature = Lookup.Signature!;
        TempData["Status"] = signature.Letter.ModerationMode == Petition.Data.Letters.ModerationMode.Post
            ? text["Thank you: your signature is confirmed and counted."].Value
            : text["Thank you: your signature is confirmed. A moderator will review it before it is published."].Value;
        return RedirectToPage("/Letters/Signatories", new { slug = signature.Letter.Slug });
    }
}
