using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Petition.Web.Letters;

/// <summary>
/// Country names in the site's languages other than English, from Unicode CLDR: <c>CountryNames/{language}.tsv</c>,
/// written by <c>scripts/country-names.mjs</c> and built into the assembly. .NET on ICU names a region in one
/// language only through a culture of that language and region ("fr-DE"), and then with the host's ICU version:
/// a pinned file names countries the same on every machine (decision 013).
/// </summary>
static class CountryNames
{
    static readonly ConcurrentDictionary<string, FrozenDictionary<string, string>?> Loaded = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names by ISO code in a site language, or null when it has no file (English).</summary>
    public static FrozenDictionary<string, string>? In(string language) => Loaded.GetOrAdd(language, Load);

    static FrozenDictionary<string, string>? Load(string language)
    {
        using var stream = typeof(CountryNames).Assembly.GetManifestResourceStream($"Petition.Web.Letters.CountryNames.{language}.tsv");
        if (stream is null)
            return null;
        using var reader = new StreamReader(stream);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Split('\t') is not [var code, var name])
                continue;
            names[code] = name;
        }
        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
