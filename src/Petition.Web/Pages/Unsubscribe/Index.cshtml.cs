using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Petition.Data.Signatures;
using Petition.Web.Front;
using Petition.Web.Managing;

namespace Petition.Web.Pages.Unsubscribe;

/// <summary>
/// The unsubscribe link of every update (RFC 8058). A GET only shows a button: mail scanners open links, and opening
/// must not unsubscribe anyone. A POST unsubscribes, whether from that button or from the mail reader's own
/// one-click button: the token in the address is the proof, so there is no sign-in and no antiforgery token (a
/// mail provider posting "List-Unsubscribe=One-Click" has neither).
/// </summary>
[Limited(Door.Unsubscribe)]
[IgnoreAntiforgeryToken]
public class IndexModel(SignatureManagement management) : PageModel
{
    public Signature? Signature { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Signature = await management.FindToUnsubscribeAsync(token, cancellationToken);
        return Signature is null ? Gone() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Signature = await management.FindToUnsubscribeAsync(token, cancellationToken);
        if (Signature is null)
            return Gone();
        await management.UnsubscribeAsync(Signature, cancellationToken);
        Done = true;
        return Page();
    }

    IActionResult Gone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
