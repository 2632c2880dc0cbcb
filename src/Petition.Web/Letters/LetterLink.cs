using System.Text.Encodings.Web;
using Petition.Data.Letters;

namespace Petition.Web.Letters;

/// <summary>A link to a letter, titled in the visitor's language when it is translated, marked with that language.</summary>
public static class LetterLink
{
    /// <summary>Markup for a sentence built with <see cref="Languages.LocalizedHtml.Html"/>; everything in it is encoded.</summary>
    public static string Html(Letter letter)
    {
        var text = LetterText.Of(letter);
        var encode = HtmlEncoder.Default;
        return $"<a href=\"/letters/{encode.Encode(letter.Slug)}\" lang=\"{encode.Encode(text.Language)}\" dir=\"{text.Direction}\">{encode.Encode(text.Title)}</a>";
    }
}
