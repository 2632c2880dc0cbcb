using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Front;
using Petition.Web.Letters;
using Petition.Web.Signatories;

namespace Petition.Web.Pages.Letters;

[Limited(Door.List)]
public class SignatoriesModel(PetitionDbContext db, PublicSignatories signatories, SectionedSignatories sectioned,
    Reach.PublicBreakdowns breakdowns, LetterMarkdown markdown, Abuse.ListReadTally readers, TimeProvider time,
    Petition.Web.Letters.SignatureCounter counter, Database.ReplicaReads reads, Microsoft.Extensions.Options.IOptions<Site.SiteOptions> site,
    Microsoft.Extensions.Localization.IStringLocalizer<Languages.SiteText> text) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    /// <summary>A verification level's word (<see cref="Petition.Data.Signatures.Verifications"/>); anything else lists every level.</summary>
    [BindProperty(SupportsGet = true)] public string? Verification { get; set; }

    /// <summary>"organizations" or "individuals" on a letter that takes organisations (<see cref="SignersWords"/>); anything else lists both.</summary>
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    /// <summary>One section's number (<see cref="Sections"/>): the list then holds that section alone.</summary>
    [BindProperty(SupportsGet = true)] public int? Section { get; set; }

    public Letter Letter { get; private set; } = null!;

    /// <summary>The letter's sections, in order; empty when it lists its signatories as one list.</summary>
    public IReadOnlyList<Section> Sections { get; private set; } = [];

    /// <summary>The section asked for, if any.</summary>
    public Section? OnlySection { get; private set; }

    /// <summary>This page of the list in sections; null when the letter has none (<see cref="Results"/> holds the page).</summary>
    public SectionedPage? InSections { get; private set; }

    /// <summary>Listed signatories per section, shown beside the headings of an unfiltered list.</summary>
    public IReadOnlyDictionary<Section, int> SectionCounts { get; private set; } = new Dictionary<Section, int>();

    /// <summary>The letter's text, for the printed list (the print stylesheet shows it above the signatories).</summary>
    public Petition.Web.Letters.LetterText Text { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";
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
        Text = Petition.Web.Letters.LetterText.Of(letter);
        BodyHtml = markdown.ToHtml(Text.Body);
        // A signer who has just confirmed lands here: the list must have their name, so it is read on the primary.
        var place = Confirmed.Recall(TempData);
        if (place is not null)
            reads.StayOnPrimary();
        var query = new SignatoryQuery(PageSize, After, Q, Country, Petition.Data.Signatures.Verifications.Parse(Verification))
        {
            Signers = letter.AcceptsOrganisations ? SignersWords.Parse(Kind) : null,
        };
        Sections = Signatories.Sections.Of(letter);
        if (Sections.Count == 0)
            Results = await signatories.QueryAsync(letter, query, cancellationToken);
        else
            await LoadSectionsAsync(letter, query, justConfirmed: place is not null, cancellationToken);
        if (place is not null)
        {
            var counts = await counter.GetAsync(letter.Id, cancellationToken);
            JustConfirmed = new Confirmed(place > 0 ? place : null, Sharing.ShareCard.For(letter, counts.Published, site.Value, text));
        }
        return Page();
    }

    /// <summary>
    /// The page walked section by section; the total above it is the plain list's (or the section's), read without
    /// its rows, and an unfiltered section's from the cached breakdown rather than a count of its own.
    /// </summary>
    async Task LoadSectionsAsync(Letter letter, SignatoryQuery query, bool justConfirmed, CancellationToken cancellationToken)
    {
        OnlySection = Signatories.Sections.Find(Sections, Section);
        // Asked before the figures are read: settled then, they are at least that recent (PublicBreakdowns.IsSettled).
        var settled = breakdowns.IsSettled(letter.Id);
        if (!query.IsFiltered)
            SectionCounts = Reach.SectionCounts.Of(Sections, await breakdowns.GetAsync(letter, cancellationToken));
        // An unfiltered section's total is the breakdown's; an unfiltered list's, the counter's: neither costs a query.
        Results = OnlySection is not null && !query.IsFiltered
            ? await signatories.CountAsync(letter, query with { Section = null, CountTotal = false }, cancellationToken) with { Total = SectionCounts[OnlySection] }
            : await signatories.CountAsync(letter, query with { After = null, Section = OnlySection }, cancellationToken);
        // A section the breakdown counts as empty is skipped only while those figures are fresh and no one confirmed
        // here since (PublicBreakdowns.IsSettled); a signer who has just confirmed is looked for in every section.
        Func<Section, bool>? empty = query.IsFiltered || justConfirmed || !settled
            ? null : s => SectionCounts.GetValueOrDefault(s) == 0;
        if (!Results.NamesHeld)
            InSections = await sectioned.QueryAsync(letter, Sections, query with { Section = OnlySection }, empty, cancellationToken);
    }
}
