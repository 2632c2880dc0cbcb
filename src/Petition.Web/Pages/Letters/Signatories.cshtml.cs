using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Letters;
using Petition.Web.Signatories;
using Petition.Web.Front;

namespace Petition.Web.Pages.Letters;

[Limited(Door.List)]
public class SignatoriesModel(PetitionDbContext db, PublicSignatories signatories, Abuse.ListReadTally readers, TimeProvider time,
    Signing.SignatureCounter counter, Microsoft.Extensions.Options.IOptions<Site.SiteOptions> site,
    Microsoft.Extensions.Localization.IStringLocalizer<Languages.SiteText> text) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    /// <summary>A verification level's word (<see cref="Petition.Data.Signatures.Verifications"/>); anything else lists every level.</summary>
    [BindProperty(SupportsGet = true)] public string? Verification { get; set; }

    public Letter Letter { get; private set; } = null!;
    public SignatoryPage Results { get; private set; } = new([], null, 0);

    /// <summary>Set for a signer who has just confirmed (and only for them: it comes from their own TempData cookie).</summary>
    public Confirmed? JustConfirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
        if (letter is null)
            return NotFound();
        Letter = letter;
        SignatoryIndexing.Apply(Response, letter);
        readers.Record(HttpContext, letter.Id);
        Results = await signatories.QueryAsync(letter, new SignatoryQuery(PageSize, After, Q, Country, Petition.Data.Signatures.Verifications.Parse(Verification)), cancellationToken);
        if (Confirmed.Recall(TempData) is int place)
        {
            var counts = await counter.GetAsync(letter.Id, cancellationToken);
            JustConfirmed = new Confirmed(place > 0 ? place : null, Sharing.ShareCard.For(letter, counts.Published, site.Value, text));
        }
        return Page();
    }
}
