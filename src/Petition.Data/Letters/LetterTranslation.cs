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

    /// <summary>The "addressed to" line in this language; null to show the original's.</summary>
    public string? Recipients { get; set; }

    /// <summary>The letter's categories in this language, in the original's order; what is stored stays the original.</summary>
    public List<string> Categories { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}
