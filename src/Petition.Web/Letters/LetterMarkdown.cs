using System.Collections.Concurrent;
using Ganss.Xss;
using Markdig;

namespace Petition.Web.Letters;

/// <summary>Turns a letter's Markdown into HTML that is safe to put on the page, whoever wrote it.</summary>
public class LetterMarkdown
{
    readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras().UseAutoLinks().UseListExtras().UsePipeTables().UseSmartyPants()
        .DisableHtml()
        .Build();

    readonly HtmlSanitizer sanitizer = CreateSanitizer();

    /// <summary>
    /// The HTML of texts rendered lately, by their Markdown: the public pages show the same few letters to every
    /// reader, and parsing and sanitizing a whole letter again for each of them cost more than the page's queries.
    /// Bounded, as an editor's preview renders whatever is typed; emptied when full.
    /// </summary>
    readonly ConcurrentDictionary<string, string> rendered = new();
    const int MaxRendered = 64;

    public string ToHtml(string markdown)
    {
        if (rendered.TryGetValue(markdown, out var html))
            return html;
        html = sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline));
        if (rendered.Count >= MaxRendered)
            rendered.Clear();
        rendered[markdown] = html;
        return html;
    }

    static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["https", "http", "mailto"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img"); // an image from another host would tell it who reads the letter
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
                link.SetAttribute("rel", "nofollow noopener noreferrer");
        };
        return sanitizer;
    }
}
