using Microsoft.Extensions.Localization;
using Petition.Data.Letters;
using Petition.Web.Languages;
using Petition.Web.Letters;
using Petition.Web.Site;

namespace Petition.Web.Sharing;

/// <summary>What a link preview and the share links say about a letter. Every URL is absolute, from Site:PublicBaseUrl.</summary>
public record ShareCard(string Url, string Title, string Description, string ImageUrl, string EmbedUrl,
    IReadOnlyList<ShareLinks.Link> Links, string EmailHref)
{
    /// <param name="text">The reader's language: the description, the mail's words and the image's count are in it.</param>
    public static ShareCard For(Letter letter, int published, SiteOptions site, IStringLocalizer<SiteText> text)
    {
        var url = site.Link($"/letters/{letter.Slug}");
        var count = published.ToString("N0");
        var soFar = published == 1 ? text["{0} signature so far.", count].Value : text.Plural("{0} signatures so far.", published, count);
        // In the reader's language when the letter is translated into it; the image then draws that title.
        var letterText = LetterText.Of(letter);
        var excerpt = LetterExcerpt.From(letterText.Body);
        var description = excerpt.Length == 0 ? soFar : $"{soFar} {excerpt}";
        // The card's count line is in the reader's language too, so any language but English asks for its own card.
        var language = SiteLanguages.Current.Code;
        var image = site.Link($"/letters/{letter.Slug}/share.png")
            + (letterText.IsOriginal && language == SiteLanguages.Default ? "" : $"?culture={Uri.EscapeDataString(language)}");
        return new ShareCard(url, letterText.Title, description, image, site.Link($"/letters/{letter.Slug}/embed"),
            ShareLinks.For(url, letterText.Title), ShareLinks.Email(url, letterText.Title, text));
    }
}
