using System.Text;
using System.Text.RegularExpressions;

namespace Petition.Web.Signing;

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
            if (char.IsControl(c) || IsBidiControl(c)) return false;
        }
        return true;
    }

    /// <summary>Right-to-left text is welcome; the characters that reorder the text around it are how names get spoofed.</summary>
    static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    public static bool ContainsUrl(string? value) => value is not null && UrlLike().IsMatch(value);

    public static bool HasLetter(string? value) => value is not null && value.Any(char.IsLetter);

    /// <summary>Trimmed, NFC-normalised, zero-width characters removed, empty as null.</summary>
    public static string? Tidy(string? value)
    {
        if (value is null) return null;
        var tidy = ZeroWidth().Replace(value, "").Trim();
        if (tidy.Length == 0) return null;
        return IsClean(tidy, allowLineBreaks: true) ? tidy.Normalize(NormalizationForm.FormC) : tidy;
    }

    [GeneratedRegex(@"(://|www\.|\b[\w-]+\.(com|net|org|info|biz|io|ru|cn|xyz|top|click|link|ly|me)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlLike();

    [GeneratedRegex("[\u200B\u200C\u200D\u2060\uFEFF]")]
    private static partial Regex ZeroWidth();
}
