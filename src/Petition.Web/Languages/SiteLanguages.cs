using System.Globalization;

namespace Petition.Web.Languages;

/// <summary>A language the site's own words are translated into.</summary>
/// <param name="Code">The culture name used in URLs, cookies and <c>Signature.Language</c>.</param>
/// <param name="NativeName">How the language names itself, for the switcher.</param>
/// <param name="Partial">Only some strings are translated; the rest falls back to English.</param>
public record SiteLanguage(string Code, string NativeName, bool Partial = false)
{
    public CultureInfo Culture => CultureInfo.GetCultureInfo(Code);
    public bool RightToLeft => Culture.TextInfo.IsRightToLeft;
}

/// <summary>The languages of the interface. English is the source text; the others live in <c>SiteText.*.resx</c>.</summary>
public static class SiteLanguages
{
    public const string Default = "en";

    public static readonly IReadOnlyList<SiteLanguage> All =
    [
        new("en", "English"),
        new("fr", "Français"),
        new("es", "Español"),
        new("zh-Hans", "简体中文"),
        new("ar", "العربية", Partial: true),
    ];

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
