using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Petition.Web.Email;

/// <summary>
/// The HTML part of an email, made from its plain text: every character escaped, paragraphs kept, and the site's
/// links (http and https only) made clickable. No styles from elsewhere, no images, nothing a signer typed can become
/// markup.
/// </summary>
public static partial class EmailHtml
{
    public static string From(string text)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">");
        foreach (var paragraph in text.Replace("\r\n", "\n").Split("\n\n"))
        {
            if (paragraph.Trim().Length == 0)
                continue;
            html.Append("<p>");
            html.Append(string.Join("<br>", paragraph.Trim('\n').Split('\n').Select(Line)));
            html.Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }

    static string Line(string line)
    {
        var result = new StringBuilder();
        var at = 0;
        foreach (Match link in Link().Matches(line))
        {
            result.Append(WebUtility.HtmlEncode(line[at..link.Index]));
            var href = WebUtility.HtmlEncode(link.Value);
            result.Append("<a href=\"").Append(href).Append("\">").Append(href).Append("</a>");
            at = link.Index + link.Length;
        }
        return result.Append(WebUtility.HtmlEncode(line[at..])).ToString();
    }

    [GeneratedRegex(@"https?://[^\s<>""]+[^\s<>"".,;:!?)]")]
    private static partial Regex Link();
}
