using Petition.Data.Letters;
using Petition.Web.Languages;

namespace Petition.Web.Letters;

/// <summary>The title and body of a letter in one language: a translation, or the original.</summary>
public record LetterText(string Language, string Title, string Body, bool IsOriginal)
{
    /// <summary>"rtl" or "ltr": the letter's own text keeps its direction inside a page in another language.</summary>
    public string Direction => DirectionOf(Language);

    /// <summary>When the translation was last saved; null for the original.</summary>
    public DateTimeOffset? TranslatedAt { get; init; }

    /// <summary>The "addressed to" line, translated where the organisers did, else the original's.</summary>
    public string Recipients { get; init; } = "";

    /// <summary>The language <see cref="Recipients"/> is written in.</summary>
    public string RecipientsLanguage { get; init; } = "";

    /// <summary>The original categories with their labels in this language (the stored value stays the original).</summary>
    public IReadOnlyDictionary<string, string> CategoryLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>How a stored category reads in this language.</summary>
    public string CategoryLabel(string category) => CategoryLabels.TryGetValue(category, out var label) ? label : category;

    public static string DirectionOf(string language)
    {
        try { return System.Globalization.CultureInfo.GetCultureInfo(language).TextInfo.IsRightToLeft ? "rtl" : "ltr"; }
        catch (System.Globalization.CultureNotFoundException) { return "auto"; }
    }

    /// <summary>
    /// The letter in the given language (the current one by default) when the organisers translated it, else the
    /// original. Only the translations loaded with the letter are looked at.
    /// </summary>
    public static LetterText Of(Letter letter, string? language = null)
    {
        var wanted = SiteLanguages.Find(language ?? SiteLanguages.Current.Code)?.Code;
        if (wanted is not null && !SameLanguage(letter.Language, wanted)
            && letter.Translations.FirstOrDefault(t => SameLanguage(t.Language, wanted)) is { } translation)
            return new LetterText(translation.Language, translation.Title, translation.Body, IsOriginal: false)
            {
                TranslatedAt = translation.UpdatedAt,
                Recipients = translation.Recipients ?? letter.Recipients,
                RecipientsLanguage = translation.Recipients is null ? letter.Language : translation.Language,
                CategoryLabels = translation.Categories.Count == letter.Categories.Count
                    ? letter.Categories.Zip(translation.Categories).DistinctBy(p => p.First).ToDictionary(p => p.First, p => p.Second)
                    : new Dictionary<string, string>(),
            };
        return new LetterText(letter.Language, letter.Title, letter.Body, IsOriginal: true)
            { Recipients = letter.Recipients, RecipientsLanguage = letter.Language };
    }

    /// <summary>Every language the letter can be read in, the original first.</summary>
    public static IReadOnlyList<string> LanguagesOf(Letter letter) =>
        [letter.Language, .. letter.Translations.Select(t => t.Language).Where(l => !SameLanguage(l, letter.Language)).Order(StringComparer.Ordinal)];

    static bool SameLanguage(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
