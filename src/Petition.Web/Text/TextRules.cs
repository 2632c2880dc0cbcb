using System.Text;
using System.Text.RegularExpressions;

namespace Petition.Web.Text;

/// <summary>What a piece of text typed by a stranger may contain before we store it and show it to others.</summary>
public static partial class TextRules
{
    /// <summary>No control characters (bar line breaks and tabs where allowed), no unpaired surrogates, no bidi overrides.</summary>
    public static bool IsClean(string? value, bool allowLineBreaks = false)
    {
        if (value is null) return true;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])) return false;
                i++;
                continue;
            }
            if (char.IsLowSurrogate(c)) return false;
            if (allowLineBreaks && c is '\n' or '\r' or '\t') continue;
            if (char.IsControl(c) || IsBidiControl(c) || c == '\uFFFD') return false; // U+FFFD: bytes that were not text
        }
        return true;
    }

    /// <summary>Right-to-left text is welcome; the characters that reorder the text around it are how names get spoofed.</summary>
    static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    /// <summary>
    /// A word mixing Latin, Cyrillic and Greek letters ("Аpple" with a Cyrillic А) is how a name impersonates
    /// another; real names keep to one of these alphabets within a word.
    /// </summary>
    public static bool MixesScriptsInAWord(string? value)
    {
        if (value is null) return false;
        foreach (var word in value.Split([' ', '-', '\'', '’', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            var scripts = word.Where(char.IsLetter).Select(ScriptOf).Where(s => s != Script.Other).Distinct().Count();
            if (scripts > 1) return true;
        }
        return false;
    }

    enum Script { Latin, Cyrillic, Greek, Other }

    static Script ScriptOf(char c) => c switch
    {
        <= '\u024F' => Script.Latin,
        >= '\u0370' and <= '\u03FF' => Script.Greek,
        >= '\u0400' and <= '\u052F' => Script.Cyrillic,
        >= '\u1E00' and <= '\u1EFF' => Script.Latin,
        _ => Script.Other,
    };

    public static bool ContainsUrl(string? value) => value is not null && UrlLike().IsMatch(value);

    /// <summary>
    /// A web or email address in any spelling a mail client or a reader would follow ("example.com/x", "hxxp",
    /// "www.", "name@host"). Every field our emails repeat is refused with one: the site must not carry a stranger's
    /// link, from its own domain, to any address a stranger types.
    /// </summary>
    public static bool CarriesLink(string? value) => value is not null && (UrlLike().IsMatch(value) || value.Contains('@'));

    public static bool HasLetter(string? value) => value is not null && value.Any(char.IsLetter);

    /// <summary>Trimmed, NFC-normalised, zero-width characters removed, empty as null.</summary>
    public static string? Tidy(string? value)
    {
        if (value is null) return null;
        var tidy = ZeroWidth().Replace(value, "").Trim();
        if (tidy.Length == 0) return null;
        return IsClean(tidy, allowLineBreaks: true) ? tidy.Normalize(NormalizationForm.FormC) : tidy;
    }

    [GeneratedRegex(@"(://|www\.|\bhxxps?\b|\[\.\]|\(\.\)|\b[\w-]+\.(com|net|org|info|biz|io|ru|cn|xyz|top|click|link|ly|me)\b|\b[\w-]+(\.[\w-]+)*\.[a-z]{2,}/\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlLike();

    [GeneratedRegex("[\u200B\u200C\u200D\u2060\uFEFF]")]
    private static partial Regex ZeroWidth();
}
