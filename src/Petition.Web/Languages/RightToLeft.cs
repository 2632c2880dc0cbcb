using System.Globalization;
using System.Text;

namespace Petition.Web.Languages;

/// <summary>
/// PDFsharp (the delivery PDF) and Skia's plain text drawing (the share image) draw characters left to right as they
/// come, with no shaping. So that an Arabic or Hebrew name or title reads right, its Arabic letters are first given
/// their joined forms (Unicode's presentation forms, as a shaper would pick them) and each right-to-left stretch is
/// then laid out in visual order. This covers the Arabic alphabet and Hebrew; letters of other alphabets written in
/// Arabic script are left unjoined.
/// </summary>
public static class RightToLeft
{
    const char First = '\u0621', Last = '\u064A', Tatweel = '\u0640';

    /// <summary>Forms per letter from U+0621 (0 where the block has no letter): 1 isolated only, 2 right-joining, 4 dual-joining.</summary>
    static readonly int[] FormCounts =
        [1, 2, 2, 2, 2, 4, 2, 4, 2, 4, 4, 4, 4, 4, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 2, 2, 4];

    static readonly int[] FirstForm = BuildFirstForms();

    static int[] BuildFirstForms()
    {
        var first = new int[FormCounts.Length];
        var next = 0xFE80;
        for (var i = 0; i < FormCounts.Length; i++)
        {
            first[i] = next;
            next += FormCounts[i];
        }
        return first;
    }

    static int Forms(char c) => c is >= First and <= Last ? FormCounts[c - First] : c == Tatweel ? 4 : 0;
    static bool IsMark(char c) => c is >= '\u064B' and <= '\u065F' or '\u0670';
    public static bool IsRightToLeft(char c) => c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    /// <param name="rightToLeft">
    /// The direction of the paragraph the text is a line of, when it is known (a wrapped title); else the direction
    /// of the text's first letter.
    /// </param>
    public static string Visual(string text, bool? rightToLeft = null)
    {
        if (!text.Any(IsRightToLeft))
            return text;
        return Reorder(Shape(text), rightToLeft);
    }

    /// <summary>Whether the text's first letter is written right to left, which makes it a right-to-left paragraph.</summary>
    public static bool StartsRightToLeft(string text) => IsRightToLeft(text.FirstOrDefault(char.IsLetter));

    /// <summary>Arabic letters replaced by the isolated, final, initial or medial form their neighbours call for.</summary>
    public static string Shape(string text)
    {
        var shaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var forms = Forms(c);
            if (forms == 0 || c == Tatweel)
            {
                shaped.Append(c);
                continue;
            }
            var joinsBefore = Neighbour(text, i, -1) is { } before && Forms(before) == 4;
            var after = Neighbour(text, i, +1);
            if (c == '\u0644' && after is '\u0627' or '\u0622' or '\u0623' or '\u0625')
            {
                var ligature = after switch { '\u0622' => 0xFEF5, '\u0623' => 0xFEF7, '\u0625' => 0xFEF9, _ => 0xFEFB };
                shaped.Append((char)(ligature + (joinsBefore ? 1 : 0)));
                i = text.IndexOf(after.Value, i + 1);
                continue;
            }
            var joinsAfter = forms == 4 && after is { } next && Forms(next) > 0;
            var form = (joinsBefore, joinsAfter) switch { (true, true) => 3, (false, true) => 2, (true, false) => 1, _ => 0 };
            shaped.Append(forms == 1 ? c : (char)(FirstForm[c - First] + Math.Min(form, forms - 1)));
        }
        return shaped.ToString();
    }

    static char? Neighbour(string text, int index, int step)
    {
        for (var i = index + step; i >= 0 && i < text.Length; i += step)
            if (!IsMark(text[i]))
                return text[i];
        return null;
    }

    /// <summary>
    /// Right-to-left stretches turned around character by character (keeping marks on their letters); in a
    /// right-to-left paragraph the order of the stretches is turned around too, so "محمد Ali" reads as written.
    /// Spaces and punctuation between two stretches go with the paragraph's direction (Unicode's rule N1), so the
    /// space in "2026 أمام" stays between the number and the word.
    /// </summary>
    static string Reorder(string text, bool? rightToLeft)
    {
        var paragraph = rightToLeft ?? StartsRightToLeft(text);
        var runs = new List<(bool Rtl, List<string> Elements)>();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            bool? rtl = IsRightToLeft(element[0]) ? true : char.IsLetterOrDigit(element, 0) ? false : null;
            if (runs.Count == 0 || (rtl is { } strong && strong != runs[^1].Rtl))
                runs.Add((rtl ?? false, rtl == paragraph && runs.Count > 0 ? TakeTrailingNeutrals(runs[^1].Elements) : []));
            runs[^1].Elements.Add(element);
        }
        var ordered = runs.Select(r => r.Rtl ? Enumerable.Reverse(r.Elements) : r.Elements);
        if (paragraph)
            ordered = ordered.Reverse();
        return string.Concat(ordered.SelectMany(e => e));
    }

    static List<string> TakeTrailingNeutrals(List<string> elements)
    {
        var start = elements.Count;
        while (start > 0 && !IsRightToLeft(elements[start - 1][0]) && !char.IsLetterOrDigit(elements[start - 1], 0))
            start--;
        var neutrals = elements[start..];
        elements.RemoveRange(start, elements.Count - start);
        return neutrals;
    }
}
