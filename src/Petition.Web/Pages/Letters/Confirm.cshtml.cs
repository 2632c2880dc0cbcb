using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Petition.Data.Signatures;
using Petition.Web.Front;
using Petition.Web.Letters;
using Petition.Web.Managing;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Letters;

/// <summary>
/// Opening the emailed link shows what will be signed; only pressing the button signs. Mail scanners open links,
/// and must not be able to sign anyone up.
/// </summary>
[Limited(Door.Confirm)]
public class ConfirmModel(Confirmation confirmation, SignatureCounter counter, SignatureManagement management) : PageModel
{
    public ConfirmationLookup Lookup { get; private set; } = ConfirmationLookup.NotFound;

    /// <summary>The owner of the address said they did not sign: the signature is gone.</summary>
    public bool Disowned { get; private set; }

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

    /// <summary>
    /// "This was not me": the owner of an address someone signed with withdraws the signature at once (its details
    /// erased, the address kept from being added back), and the audit log flags it for the organisers: someone
    /// tried to sign in another's name.
    /// </summary>
    public async Task<IActionResult> OnPostNotMeAsync(string token, CancellationToken cancellationToken)
    {
        Lookup = await confirmation.FindAsync(token, cancellationToken);
        if (Lookup.Status is not (ConfirmationStatus.Pending or ConfirmationStatus.Expired or ConfirmationStatus.LetterNotOpen))
        {
            Response.StatusCode = StatusOf(Lookup.Status);
            return Page();
        }
        await management.WithdrawAsync(Lookup.Signature!, cancellationToken, disowned: true);
        Disowned = true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Lookup = await confirmation.ConfirmAsync(token, cancellationToken);
        if (Lookup.Status != ConfirmationStatus.Confirmed)
        {
            Response.StatusCode = StatusOf(Lookup.Status);
            return Page();
        }
        var signature = Lookup.Signature!;
        // Their place is the public count once theirs is in it: the counter moved at once for this confirmation
        // (SignatureCounter.Counted), so this costs no count of the letter's rows. What the state says, not the
        // letter's mode: a signature a block rule holds back awaits review on a post-moderated letter too.
        int? place = signature.State == SignatureState.Published
            ? (await counter.GetAsync(signature.LetterId, cancellationToken)).Published
            : null;
        Confirmed.Remember(TempData, place);
        return RedirectToPage("/Letters/Signatories", new { slug = signature.Letter.Slug });
    }
}
