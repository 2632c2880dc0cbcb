using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Web.Api;
using Petition.Web.Caching;
using Petition.Web.Letters;

using Petition.Web.Front;

namespace Petition.Web.Recipients;

/// <summary>A recipient's answer in the API: the text is null unless the organisers made it public.</summary>
public record ResponseItem(string Name, string? Country, string? CountryName, string? Organisation, string Status, DateOnly? AnsweredOn, string? Text,
    string? Document = null);

/// <summary>The answers of a letter's recipients: how many of each, whatever the filter, and the recipients asked for.</summary>
public record ResponsesResponse(int Recipients, DateTimeOffset? DeliveredAt, int DeliveredTo, IReadOnlyDictionary<string, int> Answers, IReadOnlyList<ResponseItem> Items);

public static class ResponsesApi
{
    public static IEndpointRouteBuilder MapResponsesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/letters/{slug}/responses", GetResponses).WithTags("Letters").WithName("GetResponses")
            .WithDescription("The letter's recipients and each one's answer (status, date, and the text when public); ?status= keeps one status.")
            .CacheOutput(RecipientsSetup.ResponsesPolicy).WithMetadata(new SharedCacheAttribute())
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        // The document a recipient answered with, under the answer's own rule (AnswerDocuments.PublicAsync).
        app.MapGet("/letters/{slug}/responses/{recipientId:int}/document", GetDocument).ExcludeFromDescription()
            .WithMetadata(new LimitedAttribute(Door.Export)); // up to 10 MB opened from its sealed form each time
        return app;
    }

    static async Task<Results<Ok<ResponsesResponse>, ProblemHttpResult>> GetResponses(string slug, string? status, HttpContext http,
        PetitionDbContext db, LetterResponses responses, Microsoft.Extensions.Options.IOptions<Site.SiteOptions> site, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var letter = await db.Letters.AsNoTracking().PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
        if (letter is null)
            return LettersApi.LetterNotFound(slug);
        var only = LetterResponses.Parse(status);
        if (status is not null && only is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown answer status.",
                detail: $"status is one of: {string.Join(", ", LetterResponses.Statuses.Select(LetterResponses.Word))}.");
        http.TagWithLetter(letter.Id); // an answer recorded here evicts it, like the letter page
        var found = await responses.GetAsync(letter.Id, only, cancellationToken);
        return TypedResults.Ok(new ResponsesResponse(found.Recipients, found.DeliveredOn, found.DeliveredTo,
            LetterResponses.Statuses.ToDictionary(LetterResponses.Word, found.Count),
            found.Items.Select(r => new ResponseItem(r.Name, r.Country, r.Country is null ? null : Countries.EnglishName(r.Country),
                r.Organisation, LetterResponses.Word(r.Status), r.AnsweredOn, r.Text,
                r.Document is null ? null : site.Value.Link(r.DocumentPath(letter.Slug)))).ToList()));
    }

    static async Task<IResult> GetDocument(string slug, int recipientId, HttpResponse response, PetitionDbContext db,
        AnswerDocuments documents, TimeProvider time, CancellationToken cancellationToken)
    {
        var letter = await db.Letters.AsNoTracking().PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
        if (letter is null || await documents.PublicAsync(letter.Id, recipientId, cancellationToken) is not var (info, content))
            return TypedResults.NotFound();
        AnswerDocuments.AsDownload(response);
        return TypedResults.File(content, info.MediaType, info.FileName);
    }
}
