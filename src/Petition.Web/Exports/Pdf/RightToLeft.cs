using System.Globalization;
using System.Text;

namespace Petition.Web.Exports.Pdf;

/// <summary>
/// PDFsharp draws characters left to right as they come, with no shaping. So that an Arabic or Hebrew name reads
/// right in the delivery document, its Arabic letters are first given their joined forms (Unicode's presentation
/// forms, as a shaper would pick them) and each right-to-left stretch is then laid out in visual order. This covers
/// the Arabic alphabet and Hebrew; letters of other alphabets written in Arabic script are left unjoined.
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
    static bool IsRightToLeft(char c) => c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    public static string Visual(string text)
    {
        if (!text.Any(IsRightToLeft))
            return text;
        return Reorder(Shape(text));
    }

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
    /// Right-to-left stretches turned around character by character (keeping marks on their letters); when the
    /// text starts right to left, the order of the stretches is turned around too, so "محمد Ali" reads as written.
    /// </summary>
    static string Reorder(string text)
    {
        var runs = new List<(bool Rtl, List<string> Elements)>();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            bool? rtl = IsRightToLeft(element[0]) ? true : char.IsLetterOrDigit(element, 0) ? false : null;
            if (runs.Count == 0 || (rtl is { } strong && strong != runs[^1].Rtl))
                runs.Add((rtl ?? false, []));
            runs[^1].Elements.Add(element);
        }
        var ordered = runs.Select(r => r.Rtl ? Enumerable.Reverse(r.Elements) : r.Elements);
        if (runs.Count > 0 && (runs[0].Rtl || runs.Count > 1 && runs[0].Elements.All(e => !char.IsLetterOrDigit(e, 0)) && runs[1].Rtl))
            ordered = ordered.Reverse();
        return string.Concat(ordered.SelectMany(e => e));
    }
}
