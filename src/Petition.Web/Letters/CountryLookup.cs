using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Petition.Web.Letters;

/// <summary>
/// A country as people write it in a spreadsheet: "GH", "gh", "Ghana", "ghana", "Côte d'Ivoire", "Cote d'Ivoire",
/// or its name in any of the site's languages ("Allemagne", "德国"). Names are compared without case or accents.
/// </summary>
public static class CountryLookup
{
    static readonly Lazy<FrozenDictionary<string, string>> ByName = new(Build);

    /// <summary>The ISO 3166-1 alpha-2 code, or null when the text names no country we know.</summary>
    public static string? Code(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = text.Trim();
        if (trimmed.Length == 2 && Countries.Codes.Contains(trimmed.ToUpperInvariant()))
            return trimmed.ToUpperInvariant();
        return ByName.Value.GetValueOrDefault(Key(trimmed));
    }

    static FrozenDictionary<string, string> Build()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in Countries.Codes)
        {
            names.TryAdd(Key(Countries.EnglishName(code)), code);
            foreach (var language in Languages.SiteLanguages.All)
                if (CountryNames.In(language.Code)?.GetValueOrDefault(code) is { } name)
                    names.TryAdd(Key(name), code);
        }
        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Lower case, accents dropped, apostrophes and extra spaces ignored.</summary>
    static string Key(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '.')
                continue;
            if (char.IsWhiteSpace(c) || c == '-')
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                    builder.Append(' ');
                continue;
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString().Trim();
    }
}
