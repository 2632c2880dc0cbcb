using System.Collections.Concurrent;
using System.Globalization;

namespace Petition.Web.Languages;

/// <summary>A language the site's own words are translated into.</summary>
/// <param name="Code">The culture name used in URLs, cookies and <c>Signature.Language</c>.</param>
/// <param name="NativeName">How the language names itself, for the switcher.</param>
public record SiteLanguage(string Code, string NativeName)
{
    public CultureInfo Culture => SiteLanguages.CultureOf(Code);
    public bool RightToLeft => Culture.TextInfo.IsRightToLeft;
}

/// <summary>
/// The languages of the interface: the six official languages of the United Nations. English is the source text;
/// the others live in <c>SiteText.*.resx</c>, each complete (ResourceTests and TranslatedPagesTests say when not).
/// </summary>
public static class SiteLanguages
{
    public const string Default = "en";

    public static readonly IReadOnlyList<SiteLanguage> All =
    [
        new("en", "English"),
        new("fr", "Français"),
        new("es", "Español"),
        new("ru", "Русский"),
        new("zh-Hans", "简体中文"),
        new("ar", "العربية"),
    ];

    static readonly ConcurrentDictionary<string, CultureInfo> Cultures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The culture of a language, with number separators that go with the digits .NET writes: 0–9 in every culture.
    /// Arabic's own separators (٬ and ٫) belong with Arabic-Indic digits, and "1٬000" mixes the two; with 0–9, Arabic
    /// writes "1,000" (CLDR's symbols for Arabic in Latin digits).
    /// </summary>
    internal static CultureInfo CultureOf(string code) => Cultures.GetOrAdd(code, c =>
    {
        var culture = CultureInfo.GetCultureInfo(c);
        if (culture.TwoLetterISOLanguageName != "ar")
            return culture;
        var latinDigits = (CultureInfo)culture.Clone();
        var numbers = latinDigits.NumberFormat;
        numbers.NumberGroupSeparator = numbers.CurrencyGroupSeparator = numbers.PercentGroupSeparator = ",";
        numbers.NumberDecimalSeparator = numbers.CurrencyDecimalSeparator = numbers.PercentDecimalSeparator = ".";
        return CultureInfo.ReadOnly(latinDigits);
    });

    /// <summary>The supported language a culture name stands for: "fr-FR" is "fr", "zh-CN" is "zh-Hans".</summary>
    public static SiteLanguage? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        CultureInfo culture;
        try { culture = CultureInfo.GetCultureInfo(name); }
        catch (CultureNotFoundException) { return null; }
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (All.FirstOrDefault(l => string.Equals(l.Code, c.Name, StringComparison.OrdinalIgnoreCase)) is { } found)
                return found;
        }
        return null;
    }

    /// <summary>The language of the request being served (or of a culture scope).</summary>
    public static SiteLanguage Current => Find(CultureInfo.CurrentUICulture.Name) ?? All[0];

    /// <summary>
    /// Runs composing code in a language, for work done outside a request (emails written by the batcher or
    /// the console): restores the previous culture when disposed.
    /// </summary>
    public static IDisposable Use(string? language)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var chosen = (Find(language) ?? All[0]).Culture;
        CultureInfo.CurrentCulture = chosen;
        CultureInfo.CurrentUICulture = chosen;
        return new Restore(() => { CultureInfo.CurrentCulture = culture; CultureInfo.CurrentUICulture = uiCulture; });
    }

    sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
