namespace Petition.Data.Delivery;

/// <summary>A recipient of one letter, and what they answered.</summary>
public class LetterRecipient
{
    public int Id { get; set; }
    public int LetterId { get; set; }
    public int RecipientId { get; set; }
    public Recipient Recipient { get; set; } = null!;

    public ResponseStatus Status { get; set; }
    public DateOnly? RespondedOn { get; set; }

    /// <summary>What they said, as the organiser recorded it; shown in public only when <see cref="ResponsePublic"/>.</summary>
    public string? ResponseText { get; set; }

    public bool ResponsePublic { get; set; }

    /// <summary>The recipient's own reference for the letter (e.g. a note verbale number), when they gave one.</summary>
    public string? Reference { get; set; }

    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>Where a recipient stands, in the order a campaign hopes they move.</summary>
public enum ResponseStatus { None, Acknowledged, Replied, Committed, Acted, Declined }
