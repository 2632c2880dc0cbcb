using System.Globalization;
using Petition.Data.Letters;
using Petition.Web.Site;

namespace Petition.Web.Sharing;

/// <summary>What a link preview and the share links say about a letter. Every URL is absolute, from Site:PublicBaseUrl.</summary>
public record ShareCard(string Url, string Title, string Description, string ImageUrl, string EmbedUrl,
    IReadOnlyList<ShareLinks.Link> Links, string EmailHref)
{
    public static ShareCard For(Letter letter, int published, SiteOptions site)
    {
        var url = site.Link($"/letters/{letter.Slug}");
        var count = published.ToString("N0", CultureInfo.InvariantCulture) + (published == 1 ? " signature" : " signatures");
        var excerpt = LetterExcerpt.From(letter.Body);
        var description = excerpt.Length == 0 ? $"{count} so far." : $"{count} so far. {excerpt}";
        return new ShareCard(url, letter.Title, description, site.Link($"/letters/{letter.Slug}/share.png"),
            site.Link($"/letters/{letter.Slug}/embed"), ShareLinks.For(url, letter.Title), ShareLinks.Email(url, letter.Title));
    }
}
