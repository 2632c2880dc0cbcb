using Microsoft.AspNetCore.DataProtection;
using Petition.Data.Letters;

namespace Petition.Web.Letters;

/// <summary>
/// A private, unguessable link that shows a letter not yet public (a draft, or before its opening time), read-only,
/// to whoever the organiser shares it with. The link is the letter's id sealed with the site's data-protection keys:
/// nothing to store, nothing in a database copy that opens it, and no one can make one for another letter.
/// </summary>
public class PreviewLinks(IDataProtectionProvider protection)
{
    readonly IDataProtector protector = protection.CreateProtector("Petition.LetterPreview.v1");

    public string PathFor(Letter letter) => $"/preview/{protector.Protect(letter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))}";

    /// <summary>The letter id a preview token names, or null for anything that is not one of ours.</summary>
    public int? LetterIdOf(string token)
    {
        try
        {
            return int.TryParse(protector.Unprotect(token), out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
