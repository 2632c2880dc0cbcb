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

    public string ToHtml(string markdown) => sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline));

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
