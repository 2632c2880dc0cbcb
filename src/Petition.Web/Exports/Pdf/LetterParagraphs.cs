using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Petition.Web.Exports.Pdf;

/// <summary>
/// The letter's Markdown as the paragraphs a printed page shows: headings, paragraphs, list items and quotes, with
/// bold and italic kept; links print as their text.
/// </summary>
public static class LetterParagraphs
{
    public record Paragraph(IReadOnlyList<StyledSpan> Spans, bool Heading = false, int Indent = 0, bool Quote = false)
    {
        public string Text => string.Concat(Spans.Select(s => s.Text));
    }

    public static List<Paragraph> Of(string markdown)
    {
        var paragraphs = new List<Paragraph>();
        foreach (var block in Markdown.Parse(markdown))
            Add(block, paragraphs, indent: 0, bullet: null, quote: false);
        return paragraphs;
    }

    static void Add(Block block, List<Paragraph> paragraphs, int indent, string? bullet, bool quote)
    {
        switch (block)
        {
            case HeadingBlock heading:
                paragraphs.Add(new Paragraph(Spans(heading.Inline), Heading: true, Quote: quote));
                break;
            case ParagraphBlock paragraph:
                var spans = Spans(paragraph.Inline);
                if (bullet is not null)
                    spans.Insert(0, new StyledSpan(bullet, false, false));
                paragraphs.Add(new Paragraph(spans, Indent: indent, Quote: quote));
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}. " : "• ";
                    foreach (var child in item)
                    {
                        Add(child, paragraphs, indent + 1, marker, quote);
                        marker = null;
                    }
                }
                break;
            case QuoteBlock quoted:
                foreach (var child in quoted)
                    Add(child, paragraphs, indent + 1, null, quote: true);
                break;
            case LeafBlock leaf when leaf.Lines.Count > 0:
                paragraphs.Add(new Paragraph([new StyledSpan(leaf.Lines.ToString(), false, false)], Indent: indent, Quote: quote));
                break;
        }
    }

    /// <summary>The inline text as spans, each in the style its emphasis gives it (** bold, * italic, both nested).</summary>
    static List<StyledSpan> Spans(ContainerInline? container)
    {
        var spans = new List<StyledSpan>();
        void Append(string text, bool bold, bool italic)
        {
            if (text.Length == 0)
                return;
            if (spans.Count > 0 && spans[^1].Bold == bold && spans[^1].Italic == italic)
                spans[^1] = spans[^1] with { Text = spans[^1].Text + text };
            else
                spans.Add(new StyledSpan(text, bold, italic));
        }
        void Walk(Inline? inline, bool bold, bool italic)
        {
            for (; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal: Append(literal.Content.ToString(), bold, italic); break;
                    case CodeInline code: Append(code.Content, bold, italic); break;
                    case LineBreakInline: Append(" ", bold, italic); break;
                    case EmphasisInline emphasis:
                        var strong = emphasis.DelimiterCount >= 2 && emphasis.DelimiterChar is '*' or '_';
                        Walk(emphasis.FirstChild, bold || strong, italic || (!strong && emphasis.DelimiterChar is '*' or '_'));
                        break;
                    case ContainerInline nested: Walk(nested.FirstChild, bold, italic); break;
                }
            }
        }
        Walk(container?.FirstChild, false, false);
        return spans;
    }
}
