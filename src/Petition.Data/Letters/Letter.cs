namespace Petition.Data.Letters;

public class Letter
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Recipients { get; set; }

    /// <summary>Markdown; sanitised when rendered, never trusted as HTML.</summary>
    public required string Body { get; set; }

    public LetterStatus Status { get; set; }
    public DateTimeOffset? OpensAt { get; set; }
    public DateTimeOffset? ClosesAt { get; set; }
    public int? Goal { get; set; }
    public ModerationMode ModerationMode { get; set; }

    /// <summary>The version of the text that a signature made now would sign.</summary>
    public int Version { get; set; } = 1;

    public List<string> Categories { get; set; } = [];
    public LetterFields Fields { get; set; } = new();
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>
    /// How the organiser's import files map to fields, remembered from the last import: JSON of heading → field
    /// ("" for a column they chose to ignore).
    /// </summary>
    public string? ImportColumns { get; set; }

    /// <summary>Shown under the list when set, e.g. "Affiliations are for identification only."</summary>
    public string? IdentificationNote { get; set; }

    /// <summary>Switched on by an organiser when the letter is under attack: signing then costs a proof of work.</summary>
    public bool RequireProofOfWork { get; set; }

    /// <summary>Hosts allowed to frame the embed page (e.g. "https://partner.example").</summary>
    public List<string> EmbedHosts { get; set; } = [];

    public List<LetterVersion> Versions { get; set; } = [];

    /// <summary>The language the title and body are written in (a culture name such as "en").</summary>
    public string Language { get; set; } = "en";

    public List<LetterTranslation> Translations { get; set; } = [];

    public bool IsOpenAt(DateTimeOffset now) =>
        Status == LetterStatus.Open
        && (OpensAt is null || OpensAt <= now)
        && (ClosesAt is null || ClosesAt > now);
}

public enum LetterStatus { Draft, Open, Closed }

/// <summary>Post: a confirmed signature is published at once. Pre: it waits for a moderator.</summary>
public enum ModerationMode { Post, Pre }
