using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Petition.Web.Delivery;
using Petition.Web.Letters;

namespace Petition.Web.Pages.Packs;

/// <summary>
/// A recipient's pack, through the private link in their cover email: the letter in their language where it is
/// translated, the count at delivery, and the signed files. A link that expired, was revoked or never existed gets
/// a page that says so, and nothing else.
/// </summary>
public class ShowModel(PackLinks links, LetterMarkdown markdown, Data.PetitionDbContext db) : PageModel
{
    /// <summary>The recipient's country, when the letter publishes countries, and how many of the list gave it.</summary>
    public (string Code, int Count)? OwnCountry { get; private set; }

    public PackVisit Visit { get; private set; } = null!;
    public LetterText Text { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";
    public string? Contact { get; private set; }
    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        // The link is a secret: it must not leave in a Referer header, nor be indexed if it ever leaks.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex";
        Visit = await links.FindAsync(token, cancellationToken);
        if (Visit.State != PackLinkState.Open)
        {
            Contact = await links.ContactAsync(Visit.Delivery, cancellationToken);
            Response.StatusCode = Visit.State == PackLinkState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
            return Page();
        }
        Token = token;
        await links.CountViewAsync(Visit.Pack!, cancellationToken);
        Text = LetterText.Of(Visit.Letter!, Visit.Recipient!.Language);
        if (PackFiles.OwnCountryFilter(Visit, Visit.Recipient.Country) is { } own)
            OwnCountry = (own.Country!, await Exports.ExportQuery.Selected(db, Visit.Letter!, Exports.ExportScope.Public, own).CountAsync(cancellationToken));
        BodyHtml = markdown.ToHtml(Text.Body);
        return Page();
    }
}
