using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Petition.Web.Languages;

namespace Petition.Web.Exports.Pdf;

/// <summary>
/// Measures, wraps and draws text that may mix scripts: each stretch is drawn in the font that has its letters
/// (see <see cref="PdfFonts"/>), and a right-to-left name is laid out in visual order (see <see cref="RightToLeft"/>).
/// </summary>
public sealed class PdfText(XGraphics measure)
{
    readonly Dictionary<(string Family, double Size, bool Bold), XFont> fonts = [];

    public XGraphics Measure { get; set; } = measure;

    XFont Font(string family, double size, bool bold)
    {
        if (!fonts.TryGetValue((family, size, bold), out var font))
            fonts[(family, size, bold)] = font = new XFont(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
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

    public double Width(string text, double size, bool bold = false) =>
        Runs(text).Sum(r => Measure.MeasureString(r.Text, Font(r.Family, size, bold)).Width);

    /// <summary>Draws one line with its top-left corner at (x, y).</summary>
    public void Draw(XGraphics graphics, string text, double x, double y, double size, bool bold = false, XBrush? brush = null)
    {
        foreach (var (family, run) in Runs(RightToLeft.Visual(text)))
        {
            var font = Font(family, size, bold);
            graphics.DrawString(run, font, brush ?? XBrushes.Black, x, y, XStringFormats.TopLeft);
            x += graphics.MeasureString(run, font).Width;
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
