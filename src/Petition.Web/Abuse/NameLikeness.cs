using System.Globalization;
using System.Text;

namespace Petition.Web.Abuse;

/// <summary>
/// Whether two names could be the same person's, as an impersonator would vary one: case, accents, letters from
/// another script that look Latin (Cyrillic "а", Greek "ο"), a name written in Cyrillic or Greek, initials, word
/// order, extra spaces and punctuation, a middle name more or less, one letter off in a long word (Zelensky,
/// Zelenskyy). Meant to hold a signature for a moderator's look, so it errs towards a match.
/// </summary>
public static class NameLikeness
{
    public static bool Alike(string signed, string watched) => Alike(Words(signed), Words(watched));

    /// <summary>The same, on names already reduced to <see cref="Words"/> (a watch list reduces its names once).</summary>
    public static bool Alike(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
            return false;
        var (shorter, longer) = a.Count <= b.Count ? (a, b) : (b, a);
        if (longer.Count - shorter.Count > 2)
            return false;
        // Each word of the shorter name pairs with its own word of the longer; at least one pair is a whole word.
        var free = longer.ToList();
        var whole = false;
        foreach (var word in shorter.OrderByDescending(w => w.Length))
        {
            var match = free.FirstOrDefault(other => Same(word, other)) ?? free.FirstOrDefault(other => Initial(word, other));
            if (match is null)
                return false;
            whole |= Same(word, match) && word.Length > 1;
            free.Remove(match);
        }
        return whole;
    }

    static bool Same(string a, string b) => a == b || (Math.Min(a.Length, b.Length) >= 5 && WithinOneEdit(a, b));

    static bool Initial(string a, string b) => (a.Length == 1 && b.StartsWith(a, StringComparison.Ordinal)) || (b.Length == 1 && a.StartsWith(b, StringComparison.Ordinal));

    /// <summary>The name's words in lower-case Latin letters, without accents or punctuation.</summary>
    public static List<string> Words(string name)
    {
        var words = new List<string>();
        foreach (var raw in name.Split([' ', '\t', '-', '.', ',', '\'', '’', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = Latin(raw.Normalize(NormalizationForm.FormKC).ToLowerInvariant());
            if (word.Length > 0)
                words.Add(word);
        }
        return words;
    }

    static string Latin(string word)
    {
        var builder = new StringBuilder(word.Length);
        // A word wholly in Cyrillic or Greek is a name written in that script: transliterate it. A word mixing
        // scripts is a disguise: each look-alike letter stands for the Latin one it imitates.
        var allForeign = word.All(c => !char.IsLetter(c) || c is >= '\u0370' and <= '\u04FF');
        foreach (var c in word)
        {
            // The letter itself first (й is "y", not an и with a mark), then its base without accents.
            if (Append(builder, c, allForeign))
                continue;
            foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
                if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark && char.IsLetterOrDigit(part)
                    && !Append(builder, part, allForeign))
                    builder.Append(part);
        }
        return builder.ToString();
    }

    static bool Append(StringBuilder builder, char c, bool transliterate)
    {
        if (transliterate && Transliteration.TryGetValue(c, out var spelled))
            builder.Append(spelled);
        else if (LookAlikes.TryGetValue(c, out var latin))
            builder.Append(latin);
        else
            return false;
        return true;
    }

    static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
            return false;
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1)
                return false;
            if (a.Length > b.Length) i++;
            else if (b.Length > a.Length) j++;
            else { i++; j++; }
        }
        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }

    /// <summary>Cyrillic and Greek letters drawn like Latin ones.</summary>
    static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p',
        ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i', ['ј'] = 'j', ['ѕ'] = 's', ['һ'] = 'h', ['ԁ'] = 'd',
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['η'] = 'n', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p',
        ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['ζ'] = 'z', ['μ'] = 'm',
    };

    /// <summary>A plain transliteration of Russian Cyrillic and of Greek, enough to meet the Latin spelling within an edit.</summary>
    static readonly Dictionary<char, string> Transliteration = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r",
        ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh",
        ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya", ['і'] = "i", ['ї'] = "yi",
        ['є'] = "ye", ['ґ'] = "g",
        ['α'] = "a", ['β'] = "v", ['γ'] = "g", ['δ'] = "d", ['ε'] = "e", ['ζ'] = "z", ['η'] = "i", ['θ'] = "th", ['ι'] = "i",
        ['κ'] = "k", ['λ'] = "l", ['μ'] = "m", ['ν'] = "n", ['ξ'] = "x", ['ο'] = "o", ['π'] = "p", ['ρ'] = "r", ['σ'] = "s",
        ['ς'] = "s", ['τ'] = "t", ['υ'] = "y", ['φ'] = "f", ['χ'] = "ch", ['ψ'] = "ps", ['ω'] = "o",
    };
}
