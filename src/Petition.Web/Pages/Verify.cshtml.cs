using Microsoft.AspNetCore.Mvc.RazorPages;
using Petition.Web.Exports;

namespace Petition.Web.Pages;

/// <summary>
/// Checks a signer's receipt in their own browser: the page carries the site's public key, the script does the rest
/// without a request, so the check does not rest on the site answering honestly at that moment.
/// </summary>
public class VerifyModel(ExportSigningKey key) : PageModel
{
    public string PublicKeyPem { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        PublicKeyPem = await key.PublicKeyPemAsync(cancellationToken);
}
