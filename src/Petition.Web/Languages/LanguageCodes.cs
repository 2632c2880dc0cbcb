using System.Globalization;

namespace Petition.Web.Languages;

/// <summary>Language codes as organisers write them in a file or a form: "fr", "zh-Hans", or a name like "French".</summary>
public static class LanguageCodes
{
    /// <summary>Whether the text is a culture code .NET knows, like en, fr or zh-Hans.</summary>
    public static bool IsCode(string code)
    {
        if (code.Length > 16) return false;
        try { return CultureInfo.GetCultureInfo(code, predefinedOnly: true).Name.Length > 0; }
        catch (CultureNotFoundException) { return false; }
    }

    /// <summary>
    /// The culture name a code or a language's English or own name stands for ("fr", "FR", "French" and "Français" are
    /// "fr"); null when it names no language.
    /// </summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = text.Trim();
        if (IsCode(trimmed))
            return CultureInfo.GetCultureInfo(trimmed).Name;
        var named = CultureInfo.GetCultures(CultureTypes.NeutralCultures).FirstOrDefault(c => c.Name.Length > 0
            && (trimmed.Equals(c.EnglishName, StringComparison.OrdinalIgnoreCase) || trimmed.Equals(c.NativeName, StringComparison.OrdinalIgnoreCase)));
        return named?.Name;
    }

    /// <summary>How a language names itself ("français"), for the console; the code itself when unknown.</summary>
    public static string Name(string code)
    {
        try { return CultureInfo.GetCultureInfo(code).NativeName; }
        catch (CultureNotFoundException) { return code; }
    }
}
