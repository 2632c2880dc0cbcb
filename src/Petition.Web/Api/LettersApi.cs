using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Caching;
using Petition.Web.Front;
using Petition.Web.Languages;
using Petition.Web.Letters;
using Petition.Web.Observability;
using Petition.Web.Signatories;
using Petition.Web.Signing;
using Petition.Web.Site;

namespace Petition.Web.Api;

/// <summary>The JSON API that outside clients rely on; its shape is the contract in DESIGN.md.</summary>
public static class LettersApi
{
    public static IEndpointRouteBuilder MapLettersApi(this IEndpointRouteBuilder app)
    {
        var letters = app.MapGroup("/api/letters").WithTags("Letters");
        letters.MapGet("/", ListLetters).WithName("ListLetters").CacheOutput(CachingSetup.Letters).WithMetadata(new SharedCacheAttribute());
        letters.MapGet("/{slug}", GetLetter).WithName("GetLetter").CacheOutput(CachingSetup.Letter).WithMetadata(new SharedCacheAttribute());
        letters.MapGet("/{slug}/count", GetCount).WithName("GetSignatureCount").CacheOutput(CachingSetup.Letter).WithMetadata(new SharedCacheAttribute())
            .RequireCors(Sharing.SharingSetup.PublicReadCors); // partner sites show the count on their own pages
        letters.MapPost("/{slug}/signatures", Sign).WithName("Sign").WithMetadata(new LimitedAttribute(Door.Sign))
            .Accepts<SignatureInput>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        letters.MapGet("/{slug}/signatures", ListSignatures).WithName("ListSignatures").CacheOutput(CachingSetup.Signatories)
            .WithMetadata(new SharedCacheAttribute { MaxAgeSeconds = (int)CachingSetup.SignatoriesMaxAge.TotalSeconds },
                new LimitedAttribute(Door.List));
        letters.MapGet("/{slug}/challenge", Challenge).WithName("GetChallenge")
            .WithDescription("A proof-of-work challenge, needed to sign while the letter's organisers require one.");
        return app;
    }

    static async Task<Ok<ItemsResponse<LetterSummary>>> ListLetters(PetitionDbContext db, SignatureCounter counter,
        IOptions<SiteOptions> site, TimeProvider time, CancellationToken cancellationToken)
    {
        var letters = await db.Letters.AsNoTracking().Public(time.GetUtcNow())
            .OrderByDescending(l => l.Status == LetterStatus.Open).ThenByDescending(l => l.CreatedAt)
            .ToListAsync(cancellationToken);
        var items = new List<LetterSummary>();
        foreach (var letter in letters)
        {
            var counts = await counter.GetAsync(letter.Id, cancellationToken);
            items.Add(LetterSummary.From(letter, counts.Published, site.Value.Link($"/letters/{letter.Slug}")));
        }
        return TypedResults.Ok(new ItemsResponse<LetterSummary>(items));
    }

    static async Task<Results<Ok<LetterDetail>, ProblemHttpResult>> GetLetter(string slug, HttpContext http, PetitionDbContext db,
        SignatureCounter counter, IOptions<SiteOptions> site, TimeProvider time, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.AsNoTracking().PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
        if (letter is null)
            return LetterNotFound(slug);
        http.TagWithLetter(letter.Id);
        var counts = await counter.GetAsync(letter.Id, cancellationToken);
        return TypedResults.Ok(new LetterDetail(letter.Slug, letter.Title, letter.Recipients, letter.Status.ToString(),
            counts.Published, letter.Goal, letter.OpensAt, letter.ClosesAt, site.Value.Link($"/letters/{letter.Slug}"),
            letter.Body, letter.Version, letter.IsOpenAt(time.GetUtcNow()), letter.ModerationMode.ToString(),
            letter.Categories, letter.Fields)
        {
            AcceptsOrganizations = letter.AcceptsOrganisations,
            OrganizationCount = counts.Organisations,
            IndividualCount = counts.Individuals,
        });
    }

    static async Task<Results<Ok<SignatureCountResponse>, ProblemHttpResult>> GetCount(string slug, HttpContext http,
        PetitionDbContext db, SignatureCounter counter, TimeProvider time, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.AsNoTracking().PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
        if (letter is null)
            return LetterNotFound(slug);
        http.TagWithLetter(letter.Id);
        var counts = await counter.GetAsync(letter.Id, cancellationToken);
        return TypedResults.Ok(new SignatureCountResponse(counts.Published));
    }

    static async Task<Results<Accepted<SignatureAccepted>, ValidationProblem, ProblemHttpResult>> Sign(
        string slug, SignatureInput input, HttpContext http, LetterCache letters, SigningService signing,
        Abuse.ProofOfWork proofOfWork, TimeProvider time, IStringLocalizer<SiteText> text, CancellationToken cancellationToken)
    {
        var letter = await letters.PublicBySlugAsync(slug, cancellationToken);
        if (letter is null)
            return LetterNotFound(slug);
        if (!letter.IsOpenAt(time.GetUtcNow()))
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This letter is not open for signatures.",
                detail: $"The letter '{slug}' is {letter.Status.ToString().ToLowerInvariant()}; it takes no signatures now.");

        var result = await SignatureInputValidator.For(letter, proofOfWork, text).ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
            return TypedResults.ValidationProblem(result.ToProblemErrors(), title: "Some fields need attention.");

        var (accepted, retryAfter) = await signing.SignAsync(letter, input, SignatureSource.Api, RequestInfo.From(http), cancellationToken);
        if (!accepted)
        {
            http.Response.SetRetryAfter(retryAfter);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many signatures from this email domain just now.",
                detail: "Wait a moment and try again.");
        }
        return TypedResults.Accepted((string?)null, new SignatureAccepted("pending",
            "Check your email: we sent a message to the address given. The signature counts once it is confirmed."));
    }

    static async Task<Results<Ok<SignatoryPage>, ProblemHttpResult>> ListSignatures(string slug, HttpContext http, LetterCache letters,
        PublicSignatories signatories, CancellationToken cancellationToken,
        int? limit, string? after, string? q, string? country, string? verification, string? kind)
    {
        // The public list is a hot read: its letter (only the field settings are needed) comes from memory.
        var letter = await letters.PublicBySlugAsync(slug, cancellationToken);
        if (letter is null)
            return LetterNotFound(slug);
        var level = Verifications.Parse(verification);
        if (verification is not null && level is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown verification level.",
                detail: $"verification is one of: {string.Join(", ", Verifications.Words.Select(w => w.Word))}.");
        var signers = SignersWords.Parse(kind);
        if (kind is not null && signers is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown kind of signatory.",
                detail: "kind is one of: organizations, individuals.");
        http.TagWithLetter(letter.Id); // a confirmation here evicts it, like the letter's count
        SignatoryIndexing.Apply(http.Response, letter);
        http.RequestServices.GetRequiredService<Abuse.ListReadTally>().Record(http, letter.Id);
        return TypedResults.Ok(await signatories.QueryAsync(letter,
            new SignatoryQuery(limit ?? 50, after, q, country, level) { Signers = signers }, cancellationToken));
    }

    static async Task<Results<Ok<Abuse.ProofOfWorkChallenge>, ProblemHttpResult>> Challenge(string slug, PetitionDbContext db,
        Abuse.ProofOfWork proofOfWork, HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.AsNoTracking().PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
        if (letter is null)
            return LetterNotFound(slug);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(proofOfWork.Issue(letter.Slug));
    }

    internal static ProblemHttpResult LetterNotFound(string slug) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such letter.",
            detail: $"There is no published letter at '{slug}'.");
}
