using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Caching;
using Petition.Web.Front;
using Petition.Web.Letters;
using Petition.Web.Observability;
using Petition.Web.Signatories;
using Petition.Web.Signing;

namespace Petition.Web.Pages.Letters;

// The sign form carries no antiforgery token, so the page sets no cookie and is cached for everyone; cross-site
// posts are refused from the browser's own headers instead (docs/decisions/008-output-cache.md).
[OutputCache(PolicyName = CachingSetup.LetterPage)]
[SharedCache(VariesByLanguage = true)]
[IgnoreAntiforgeryToken]
[RefuseCrossSitePosts]
[Limited(Door.Sign, PostOnly = true)]
public class ShowModel(
    PetitionDbContext db,
    LetterMarkdown markdown,
    SignatureCounter counter,
    PublicSignatories signatories,
    SigningService signing,
    LetterCache letters,
    FormTiming timing,
    RobotCheckTally refusals,
    Observability.PetitionMetrics metrics,
    Abuse.ProofOfWork proofOfWork,
    Reach.LetterReach reach,
    Microsoft.Extensions.Options.IOptions<Reach.LiveCountOptions> live,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<Site.SiteOptions> site,
    Microsoft.Extensions.Localization.IStringLocalizer<Languages.SiteText> text,
    Recipients.LetterResponses responses,
    ILogger<ShowModel> logger) : PageModel
{
    public const int LatestCount = 10;

    [BindProperty] public SignForm Input { get; set; } = new();

    public Letter Letter { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";

    /// <summary>The letter in the visitor's language when it has been translated, else the original.</summary>
    public LetterText Text { get; private set; } = null!;

    /// <summary>The translation shown was last saved before the original's current version was made.</summary>
    public bool TranslationIsOutOfDate { get; private set; }

    /// <summary>The languages the letter can be read in, the original first.</summary>
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public SignatureCounts Counts { get; private set; } = new(0, 0);
    public IReadOnlyList<PublicSignatory> Latest { get; private set; } = [];

    /// <summary>The count as the letter page shows it, asking for a newer one every few seconds.</summary>
    public Tally LiveTally
    {
        get
        {
            var (forms, formOf) = Tally.WordForms(text);
            return new Tally(Letter.Goal, Counts.Published)
            {
                Split = Letter.AcceptsOrganisations ? (Counts.Organisations, Counts.Individuals) : null,
                Live = new LiveTally($"/api/letters/{Uri.EscapeDataString(Letter.Slug)}/count", live.Value.PollSeconds, forms, formOf, Tally.GroupSeparator),
            };
        }
    }

    /// <summary>The signatories in sections, the map and the chart (<see cref="Reach.LetterReach"/>).</summary>
    public Reach.LetterReachView Reach { get; private set; } = new([], null, null);
    public bool IsOpen { get; private set; }

    /// <summary>The time the page was made at, which its dates are read against.</summary>
    public DateTimeOffset Now { get; private set; }
    public Sharing.ShareCard Share { get; private set; } = null!;
    public string Started { get; private set; } = "";

    /// <summary>The recipients' answers, shown once one is recorded.</summary>
    public Recipients.Responses Responses { get; private set; } = Recipients.Responses.Empty;

    /// <summary>The milestones the letter has reached, smallest first.</summary>
    public IReadOnlyList<Updates.LetterTimeline.Entry> Milestones { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
            return NotFound();
        HttpContext.TagWithLetter(Letter.Id);
        return Page();
    }

    /// <summary>
    /// The hot path: the letter comes from memory, and the page's other parts (text, count, latest signatories)
    /// are loaded only when the form has to be shown again.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var letter = await letters.PublicBySlugAsync(slug, cancellationToken);
        if (letter is null)
            return NotFound();
        Letter = letter;
        if (!letter.IsOpenAt(time.GetUtcNow()))
        {
            ModelState.AddModelError("", text["This letter is not open for signatures."]);
            return await PageAsync(slug, cancellationToken);
        }

        var verdict = timing.Judge(Input.Started, Input.Website, slug);
        if (verdict != FormVerdict.Person)
        {
            // Never dropped in silence: the form comes back with what was typed and the first stamp, so a person is
            // through on the next send; the refusal is counted where organisers see it.
            refusals.Count(letter.Id, verdict);
            metrics.SignFormRefused(verdict);
            logger.LogInformation("Sent a sign form back to be sent again: {Verdict} (letter {Slug})", verdict, slug);
            ModelState.Clear();
            Input.Website = null;
            ModelState.AddModelError("", verdict == FormVerdict.Expired
                ? text["This form was open for a long time. Check your details and send it again."]
                : text["We could not tell that this form was sent by a person. Check your details and send it again."]);
            return await PageAsync(slug, cancellationToken);
        }

        ModelState.Clear(); // the validator below is the only judge of the input
        Input.ApplyListing();
        if (!await new SignFormValidator(Letter, text, proofOfWork).ValidInAsync(Input, ModelState, nameof(Input), cancellationToken))
            return await PageAsync(slug, cancellationToken);

        var (accepted, retryAfter) = await signing.SignAsync(Letter, Input, SignatureSource.Form, RequestInfo.From(HttpContext), cancellationToken);
        if (!accepted)
        {
            Response.SetRetryAfter(retryAfter);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        timing.Spend(Input.Started);
        SentTo.Remember(TempData, Input.Email!);
        return RedirectToPage("/Letters/CheckEmail", new { slug });
    }

    async Task<IActionResult> PageAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.AsNoTracking().PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
        if (letter is null)
            return false;
        Letter = letter;
        Started = timing.Restamp(Input.Started, letter.Slug);
        Now = time.GetUtcNow();
        IsOpen = letter.IsOpenAt(Now);
        Text = LetterText.Of(letter);
        TranslationIsOutOfDate = Text.TranslatedAt is { } translatedAt
            && TranslationAge.IsOutOfDate(translatedAt, await db.LetterVersions.CurrentVersionMadeAtAsync(letter, cancellationToken));
        Languages = LetterText.LanguagesOf(letter);
        BodyHtml = markdown.ToHtml(Text.Body);
        Counts = await counter.GetAsync(letter.Id, cancellationToken);
        Share = Sharing.ShareCard.For(letter, Counts.Published, site.Value, text);
        Reach = await reach.LoadAsync(letter, cancellationToken);
        if (Reach.Sections.Count == 0) // a letter in sections shows each section's first few instead
            Latest = (await signatories.QueryAsync(letter, new SignatoryQuery(LatestCount), cancellationToken)).Items;
        Responses = await responses.GetAsync(letter.Id, null, cancellationToken);
        Milestones = await Updates.LetterTimeline.MilestonesAsync(db, letter.Id, cancellationToken);
        return true;
    }
}
