using System.Diagnostics;
using Petition.Web.Languages;
using SkiaSharp;

namespace Petition.Web.Sharing;

/// <summary>The share card's title, wrapped into lines at the largest size that fits.</summary>
static class CardTitle
{
    /// <summary>The width of the text as drawn: Arabic letters take their joined forms, which are not as wide.</summary>
    static float Measure(SKFont font, string text) => font.MeasureText(RightToLeft.Shape(text));

    /// <summary>The largest size at which the whole title fits in four lines; the smallest, cut short, if none does.</summary>
    public static (float Size, List<string> Lines) Fit(string title, SKTypeface typeface, float width)
    {
        float[] sizes = [64, 56, 48, 42];
        foreach (var size in sizes)
        {
            using var font = new SKFont(typeface, size);
            var (lines, cut) = Wrap(title, font, width, maxLines: 4);
            if (!cut || size == sizes[^1])
                return (size, lines);
        }
        throw new UnreachableException();
    }

    static (List<string> Lines, bool Cut) Wrap(string text, SKFont font, float width, int maxLines)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in Words(text, font, width))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (Measure(font, candidate) <= width || line.Length == 0)
            {
                line = candidate;
                continue;
            }
            lines.Add(line);
            line = word;
            if (lines.Count == maxLines)
                break;
        }
        if (lines.Count < maxLines && line.Length > 0)
            return ([.. lines, line], false);
        if (lines.Count == maxLines && line.Length > 0)
        {
            var last = lines[^1];
            while (last.Length > 1 && Measure(font, last + "…") > width)
                last = last[..^1];
            lines[^1] = last.TrimEnd() + "…";
            return (lines, true);
        }
        return (lines, false);
    }

    /// <summary>
    /// The text split at spaces; a piece wider than a line (Chinese has no spaces between words) is split between
    /// characters, never inside one.
    /// </summary>
    static IEnumerable<string> Words(string text, SKFont font, float width)
    {
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Measure(font, word) <= width)
            {
                yield return word;
                continue;
            }
            var piece = "";
            var elements = System.Globalization.StringInfo.GetTextElementEnumerator(word);
            while (elements.MoveNext())
            {
                var next = piece + elements.GetTextElement();
                if (piece.Length > 0 && Measure(font, next) > width)
                {
                    yield return piece;
                    next = elements.GetTextElement();
                }
                piece = next;
            }
            if (piece.Length > 0)
                yield return piece;
        }
    }
}
