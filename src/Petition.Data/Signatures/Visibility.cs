namespace Petition.Data.Signatures;

/// <summary>
/// How much of a signer the public list shows, the signer's own choice, changed at any time from the manage page.
/// What each level shows is decided in one place, <see cref="Sealing.SignatureStorage"/>: what a level does not show
/// is not even in the clear in the database.
/// </summary>
public enum Visibility
{
    /// <summary>Name, title, organisation, country (and the letter's other public fields).</summary>
    Full,

    /// <summary>Name and country only.</summary>
    NameAndCountry,

    /// <summary>Initials, profession and country: "J. W., physician, Canada".</summary>
    Initials,

    /// <summary>Counted, never listed.</summary>
    Counted,
}

public static class Visibilities
{
    /// <summary>The words forms, the API and the letter's settings use; "public" and "private" are the older form's.</summary>
    public static readonly IReadOnlyList<(Visibility Level, string Word)> Words =
        [(Visibility.Full, "full"), (Visibility.NameAndCountry, "name-and-country"), (Visibility.Initials, "initials"), (Visibility.Counted, "counted")];

    public static string Word(this Visibility level) => Words.Single(w => w.Level == level).Word;

    public static Visibility? Parse(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "full" or "public" => Visibility.Full,
        "name-and-country" => Visibility.NameAndCountry,
        "initials" => Visibility.Initials,
        "counted" or "private" => Visibility.Counted,
        _ => null,
    };

    /// <summary>"J. W." for "Jane Wanjiru": the first letter (grapheme) of each part of the name.</summary>
    public static string Initials(string name) =>
        string.Join(" ", name.Split([' ', '-', '\u00A0'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => System.Globalization.StringInfo.GetNextTextElement(part) + "."));
}
