namespace Petition.Data.Letters;

/// <summary>The text of a letter as it stood at one version; signatures record which one they signed.</summary>
public class LetterVersion
{
    public long Id { get; set; }
    public int LetterId { get; set; }
    public int Version { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }

    /// <summary>Whom the letter was addressed to at this version; null for a version made before it was kept.</summary>
    public string? Recipients { get; set; }
    public string? ChangeSummary { get; set; }

    /// <summary>
    /// The language whose translation was corrected to make this version, the original's text unchanged; null when
    /// the original changed. A translation is out of date only against a version that changed the original.
    /// </summary>
    public string? TranslationChanged { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
