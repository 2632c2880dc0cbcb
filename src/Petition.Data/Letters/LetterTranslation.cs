namespace Petition.Data.Letters;

/// <summary>
/// The letter's title and text in another language, written by an organiser. Signatures in every language count
/// toward the one letter; each signature records the language it was signed in.
/// </summary>
public class LetterTranslation
{
    public int Id { get; set; }
    public int LetterId { get; set; }

    /// <summary>A culture name such as "fr" or "zh-Hans".</summary>
    public required string Language { get; set; }

    public required string Title { get; set; }

    /// <summary>Markdown; sanitised when rendered, never trusted as HTML.</summary>
    public required string Body { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
