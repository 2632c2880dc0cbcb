namespace Petition.Data.Letters;

/// <summary>
/// A translation as it stood at one version of the letter: what a signer who read the letter in that language at that
/// version signed. Once anyone has signed in that language at that version it never changes
/// (<see cref="SignedTextGuard"/>); a correction is a new version of the letter.
/// </summary>
public class LetterVersionTranslation
{
    public long Id { get; set; }
    public int LetterId { get; set; }
    public int Version { get; set; }

    /// <summary>A culture name such as "fr" or "zh-Hans", as <see cref="LetterTranslation.Language"/>.</summary>
    public required string Language { get; set; }

    public required string Title { get; set; }

    /// <summary>Markdown; sanitised when rendered, never trusted as HTML.</summary>
    public required string Body { get; set; }

    /// <summary>The "addressed to" line in this language; null where the translation showed the original's.</summary>
    public string? Recipients { get; set; }

    /// <summary>Whether a saved translation has this text: compared before a correction is allowed to make a version.</summary>
    public bool Reads(LetterTranslation translation) =>
        Title == translation.Title && Body == translation.Body && Recipients == translation.Recipients;

    /// <summary>The letter's translations recorded for its current version: for a letter made with them (saved, so it has an id).</summary>
    public static IEnumerable<LetterVersionTranslation> OfCurrent(Letter letter) =>
        letter.Translations.Select(t => Of(t, letter.Id, letter.Version));

    public static LetterVersionTranslation Of(LetterTranslation translation, int letterId, int version) => new()
    {
        LetterId = letterId, Version = version, Language = translation.Language, Title = translation.Title,
        Body = translation.Body, Recipients = translation.Recipients,
    };
}
