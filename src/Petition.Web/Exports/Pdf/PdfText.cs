using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Petition.Web.Languages;

namespace Petition.Web.Exports.Pdf;

/// <summary>A stretch of text in one style.</summary>
public record StyledSpan(string Text, bool Bold, bool Italic);

/// <summary>
/// Measures, wraps and draws text that may mix scripts: each stretch is drawn in the font that has its letters
/// (see <see cref="PdfFonts"/>), and a right-to-left name is laid out in visual order (see <see cref="RightToLeft"/>).
/// </summary>
public sealed class PdfText(XGraphics measure)
{
    readonly Dictionary<(string Family, double Size, bool Bold, bool Italic), XFont> fonts = [];

    public XGraphics Measure { get; set; } = measure;

    XFont Font(string family, double size, bool bold, bool italic = false)
    {
        if (!fonts.TryGetValue((family, size, bold, italic), out var font))
            fonts[(family, size, bold, italic)] = font = new XFont(family, size,
                (bold, italic) switch
                {
                    (true, true) => XFontStyleEx.BoldItalic,
                    (true, false) => XFontStyleEx.Bold,
                    (false, true) => XFontStyleEx.Italic,
                    _ => XFontStyleEx.Regular,
                },
                new XPdfFontOptions(PdfFontEncoding.Unicode));
        return font;
    }

    /// <summary>The text cut where the font changes; spaces and punctuation stay with the run they are in.</summary>
    static IEnumerable<(string Family, string Text)> Runs(string text)
    {
        var run = new StringBuilder();
        string? family = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var shared = Rune.IsWhiteSpace(rune) || (rune.Value < 0x2000 && !Rune.IsLetterOrDigit(rune));
            var wanted = shared && family is not null ? family : PdfFonts.For(rune);
            if (wanted != family && run.Length > 0)
            {
                yield return (family!, run.ToString());
                run.Clear();
            }
            family = wanted;
            run.Append(rune.ToString());
        }
        if (run.Length > 0)
            yield return (family!, run.ToString());
    }

    public double Width(string text, double size, bool bold = false, bool italic = false) =>
        Runs(text).Sum(r => Measure.MeasureString(r.Text, Font(r.Family, size, bold, italic)).Width);

    /// <summary>Draws one line with its top-left corner at (x, y); returns where it ends.</summary>
    public double Draw(XGraphics graphics, string text, double x, double y, double size, bool bold = false, XBrush? brush = null, bool italic = false)
    {
        foreach (var (family, run) in Runs(RightToLeft.Visual(text)))
        {
            var font = Font(family, size, bold, italic);
            graphics.DrawString(run, font, brush ?? XBrushes.Black, x, y, XStringFormats.TopLeft);
            x += graphics.MeasureString(run, font).Width;
        }
        return x;
    }

    /// <summary>Draws one line of styled spans (from <see cref="Wrap(IReadOnlyList{StyledSpan}, double, double)"/>).</summary>
    public void Draw(XGraphics graphics, IReadOnlyList<StyledSpan> line, double x, double y, double size, XBrush? brush = null)
    {
        foreach (var span in line)
            x = Draw(graphics, span.Text, x, y, size, span.Bold, brush, span.Italic);
    }

    /// <summary>
    /// Styled text (bold, italic) broken into lines as <see cref="Wrap(string, double, double, bool)"/> does, each
    /// word measured in its own style. Text with right-to-left letters is wrapped as one plain run, so its visual
    /// order stays whole (styles inside an Arabic or Hebrew paragraph are dropped, its words are not), and so is
    /// text with a word wider than the line.
    /// </summary>
    public List<List<StyledSpan>> Wrap(IReadOnlyList<StyledSpan> spans, double width, double size)
    {
        var whole = string.Concat(spans.Select(s => s.Text));
        // A word wider than the line is cut between characters by the plain wrap.
        if (spans.Count <= 1 || whole.Any(RightToLeft.IsRightToLeft)
            || spans.Any(s => Words(s.Text).Any(w => Width(w.Trim(), size, s.Bold, s.Italic) > width)))
        {
            var style = spans.Count == 1 ? spans[0] : new StyledSpan("", false, false);
            return Wrap(whole, width, size, style.Bold).Select(l => new List<StyledSpan> { style with { Text = l } }).ToList();
        }
        var lines = new List<List<StyledSpan>>();
        var line = new List<StyledSpan>();
        double used = 0;
        foreach (var span in spans)
        {
            foreach (var word in Words(span.Text))
            {
                var trimmed = Width(word.TrimEnd(), size, span.Bold, span.Italic);
                if (line.Count > 0 && used + trimmed > width)
                {
                    lines.Add(Trimmed(line));
                    (line, used) = ([], 0);
                }
                var piece = line.Count == 0 ? word.TrimStart() : word;
                if (piece.Length == 0)
                    continue;
                line.Add(span with { Text = piece });
                used += Width(piece, size, span.Bold, span.Italic);
            }
        }
        if (line.Count > 0 || lines.Count == 0)
            lines.Add(Trimmed(line));
        return lines;

        static List<StyledSpan> Trimmed(List<StyledSpan> words)
        {
            var merged = new List<StyledSpan>();
            foreach (var word in words)
            {
                if (merged.Count > 0 && merged[^1].Bold == word.Bold && merged[^1].Italic == word.Italic)
                    merged[^1] = merged[^1] with { Text = merged[^1].Text + word.Text };
                else
                    merged.Add(word);
            }
            if (merged.Count > 0)
                merged[^1] = merged[^1] with { Text = merged[^1].Text.TrimEnd() };
            return merged;
        }
    }

    /// <summary>
    /// The text broken into lines no wider than <paramref name="width"/>: at spaces where there are any, between
    /// characters in scripts written without them, and inside a word only when the word alone is too wide.
    /// </summary>
    public List<string> Wrap(string text, double width, double size, bool bold = false)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in Words(text))
        {
            var candidate = line + word;
            if (line.Length == 0 || Width(candidate.TrimEnd(), size, bold) <= width)
            {
                line = candidate;
                continue;
            }
            lines.Add(line.TrimEnd());
            line = word.TrimStart();
        }
        if (line.Trim().Length > 0 || lines.Count == 0)
            lines.Add(line.TrimEnd());
        return lines.SelectMany(l => Width(l, size, bold) <= width ? [l] : Split(l, width, size, bold)).ToList();
    }

    /// <summary>A word too wide for the column, cut between characters.</summary>
    List<string> Split(string word, double width, double size, bool bold)
    {
        var parts = new List<string>();
        var part = "";
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (part.Length > 0 && Width(part + element, size, bold) > width)
            {
                parts.Add(part);
                part = "";
            }
            part += element;
        }
        parts.Add(part);
        return parts;
    }

    /// <summary>Words with their trailing space; an ideograph is a word of its own.</summary>
    static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (PdfFonts.For(rune) == PdfFonts.Cjk && Rune.IsLetter(rune))
            {
                if (word.Length > 0) yield return word.ToString();
                word.Clear();
                yield return rune.ToString();
                continue;
            }
            word.Append(rune.ToString());
            if (Rune.IsWhiteSpace(rune))
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0)
            yield return word.ToString();
    }
}
