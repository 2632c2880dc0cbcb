using Petition.Data.Letters;

namespace Petition.Data.Signatures;

public class Signature
{
    public long Id { get; set; }
    public int LetterId { get; set; }
    public Letter Letter { get; set; } = null!;
    public int LetterVersion { get; set; }
    public SignatureState State { get; set; }
    public SignatureSource Source { get; set; }

    public required string Name { get; set; }

    /// <summary>As typed, for writing to the signer. Never shown in public.</summary>
    public required string Email { get; set; }

    /// <summary>The address reduced to what identifies a mailbox; unique per letter.</summary>
    public required string EmailCanonical { get; set; }

    public string? Title { get; set; }
    public string? Organization { get; set; }
    public string? Category { get; set; }
    public string? Country { get; set; }
    public string? City { get; set; }
    public string? Comment { get; set; }
    public bool ListPublicly { get; set; }
    public bool Notable { get; set; }

    /// <summary>Lower-cased name and organisation, so search is one LIKE on every provider.</summary>
    public string SearchText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>SHA-256 of the emailed confirmation token; the token itself is never stored.</summary>
    public byte[]? ConfirmationTokenHash { get; set; }
    public DateTimeOffset? ConfirmationExpiresAt { get; set; }

    /// <summary>Emails this signature has caused; capped so a stranger cannot mail-bomb an address.</summary>
    public int EmailsSent { get; set; }

    /// <summary>Request data kept against abuse, and only as long as needed.</summary>
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }

    public string? ModerationReason { get; set; }

    public void RefreshSearchText() =>
        SearchText = $"{Name} {Organization}".ToLowerInvariant();
}

public enum SignatureState { Unverified, AwaitingReview, Published, Rejected, Withdrawn }

public enum SignatureSource { Form, Api, Import }
