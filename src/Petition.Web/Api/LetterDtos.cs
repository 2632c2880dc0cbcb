using Petition.Data.Letters;

namespace Petition.Web.Api;

public record LetterSummary(string Slug, string Title, string Recipients, string Status, int SignatureCount, int? Goal,
    DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, string Url)
{
    public static LetterSummary From(Letter letter, int count, string url) => new(
        letter.Slug, letter.Title, letter.Recipients, letter.Status.ToString(), count, letter.Goal,
        letter.OpensAt, letter.ClosesAt, url);
}

public record LetterDetail(string Slug, string Title, string Recipients, string Status, int SignatureCount, int? Goal,
    DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, string Url, string Body, int Version, bool IsOpen,
    string ModerationMode, IReadOnlyList<string> Categories, LetterFields Fields)
{
    /// <summary>Whether the letter takes signatures on behalf of organisations.</summary>
    public bool AcceptsOrganizations { get; init; }

    /// <summary>Of <see cref="SignatureCount"/>, those on behalf of an organisation, and those of individuals.</summary>
    public int OrganizationCount { get; init; }
    public int IndividualCount { get; init; }
}

public record SignatureCountResponse(int SignatureCount);

public record ItemsResponse<T>(IReadOnlyList<T> Items);

public record SignatureAccepted(string Status, string Message);
