using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Petition.Web.Sharing;

/// <summary>
/// The letter's first paragraph as plain text, short enough for a link preview. Taken from the Markdown tree,
/// not from rendered HTML, so no markup can reach a meta tag.
/// </summary>
public static class LetterExcerpt
{
    public const int MaxLength = 200;

    /// <summary>Shorter than this, a paragraph is a salutation ("Excellencies,"), which says nothing in a preview.</summary>
    const int Salutation = 40;

    public static string From(string markdown, int maxLength = MaxLength)
    {
        var paragraphs = Markdown.Parse(markdown).Descendants<ParagraphBlock>().Select(PlainText).Where(p => p.Length > 0).ToList();
        var first = paragraphs.FirstOrDefault(p => p.Length >= Salutation) ?? paragraphs.FirstOrDefault() ?? "";
        return Shorten(first, maxLength);
    }

    static string PlainText(ParagraphBlock paragraph)
    {
        if (paragraph.Inline is null)
            return "";
        var text = string.Join("", paragraph.Inline.Descendants<Inline>().Select(Text));
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    static string Text(Inline inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        LineBreakInline => " ",
        _ => "",
    };

    /// <summary>Cut at a word boundary, so a preview never ends in half a word.</summary>
    public static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
            return text;
        var cut = text.LastIndexOf(' ', maxLength - 1);
        return text[..(cut > maxLength / 2 ? cut : maxLength - 1)].TrimEnd(',', ';', ':', '.', ' ') + "…";
    }
}
