using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Petition.Web.Exports.Pdf;

/// <summary>The letter's Markdown as the paragraphs a printed page shows: headings, paragraphs, list items, quotes.</summary>
public static class LetterPlainText
{
    public record Paragraph(string Text, bool Heading = false, int Indent = 0);

    public static List<Paragraph> Paragraphs(string markdown)
    {
        var paragraphs = new List<Paragraph>();
        foreach (var block in Markdown.Parse(markdown))
            Add(block, paragraphs, indent: 0, bullet: null);
        return paragraphs;
    }

    static void Add(Block block, List<Paragraph> paragraphs, int indent, string? bullet)
    {
        switch (block)
        {
            case HeadingBlock heading:
                paragraphs.Add(new Paragraph(Inline(heading.Inline), Heading: true));
                break;
            case ParagraphBlock paragraph:
                paragraphs.Add(new Paragraph(bullet + Inline(paragraph.Inline), Indent: indent));
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}. " : "• ";
                    foreach (var child in item)
                    {
                        Add(child, paragraphs, indent + 1, marker);
                        marker = null;
                    }
                }
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                    Add(child, paragraphs, indent + 1, null);
                break;
            case LeafBlock leaf when leaf.Lines.Count > 0:
                paragraphs.Add(new Paragraph(leaf.Lines.ToString(), Indent: indent));
                break;
        }
    }

    static string Inline(ContainerInline? container)
    {
        var text = new StringBuilder();
        void Walk(Inline? inline)
        {
            for (; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                    case CodeInline code: text.Append(code.Content); break;
                    case LineBreakInline: text.Append(' '); break;
                    case ContainerInline nested: Walk(nested.FirstChild); break;
                }
            }
        }
        Walk(container?.FirstChild);
        return text.ToString();
    }
}
