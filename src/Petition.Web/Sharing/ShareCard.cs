using System.Globalization;
using Petition.Data.Letters;
using Petition.Web.Letters;
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
        // In the reader's language when the letter is translated into it; the image then draws that title.
        var text = LetterText.Of(letter);
        var excerpt = LetterExcerpt.From(text.Body);
        var description = excerpt.Length == 0 ? $"{count} so far." : $"{count} so far. {excerpt}";
        var image = site.Link($"/letters/{letter.Slug}/share.png") + (text.IsOriginal ? "" : $"?culture={Uri.EscapeDataString(text.Language)}");
        return new ShareCard(url, text.Title, description, image,
            site.Link($"/letters/{letter.Slug}/embed"), ShareLinks.For(url, text.Title), ShareLinks.Email(url, text.Title));
    }
}
