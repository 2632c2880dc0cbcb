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

    /// <summary>As typed, for writing to the signer. Never shown in public; stored only sealed (<see cref="SealedEmail"/>).</summary>
    public string Email { get; set; } = "";

    /// <summary>
    /// A keyed hash (HMAC-SHA256, lower-case hex) of the address reduced to what identifies a mailbox; unique per
    /// letter. Finds a signer by address without the address being stored.
    /// </summary>
    public string EmailHash { get; set; } = "";

    /// <summary>A keyed hash of the address's domain: a moderator narrows the queue by it, and abuse signals count by it.</summary>
    public string? DomainHash { get; set; }

    public string? Title { get; set; }
    public string? Organization { get; set; }
    public string? Category { get; set; }
    public string? Country { get; set; }
    public string? City { get; set; }
    public string? Comment { get; set; }
    /// <summary>Listed at all: false for <see cref="Visibility.Counted"/>. Kept beside the level for the counts' index.</summary>
    public bool ListPublicly { get; set; }

    /// <summary>How much of the signer a listed signature shows; <see cref="Visibility.Counted"/> when not listed.</summary>
    public Visibility Visibility { get; set; }
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

    /// <summary>Request data kept against abuse, and only as long as needed; stored only sealed (<see cref="SealedRequest"/>).</summary>
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>What the database holds of <see cref="Email"/>: see <see cref="Sealing.SignatureStorage"/>.</summary>
    public byte[]? SealedEmail { get; set; }

    /// <summary>Every detail the signer gave, sealed; the clear columns hold only what the public list shows.</summary>
    public byte[]? SealedDetails { get; set; }

    /// <summary>
    /// Keyed hashes of the country and the category when they are not in the clear, so moderators still narrow the
    /// queue by them; null when the clear column holds the value (a hash beside a clear value would name the hash).
    /// </summary>
    public string? CountryHash { get; set; }
    public string? CategoryHash { get; set; }

    /// <summary>The request's address and browser, sealed.</summary>
    public byte[]? SealedRequest { get; set; }

    /// <summary>A hash of the client's network (/24 for IPv4, /48 for IPv6), kept after the address is dropped, for abuse signals.</summary>
    public string? NetworkHash { get; set; }

    public string? ModerationReason { get; set; }
    public string? ModeratedBy { get; set; }
    public DateTimeOffset? ModeratedAt { get; set; }

    /// <summary>Published and counted, but a moderator took the name off the public list.</summary>
    public bool Hidden { get; set; }

    /// <summary>Position among the notable signatories (lower first); null for everyone else.</summary>
    public int? NotableOrder { get; set; }

    /// <summary>Why a block rule or the disposable-domain list stopped this signature; never shown to the signer.</summary>
    public string? BlockedReason { get; set; }

    /// <summary>The organisation domain the confirmed email belongs to, when it matches a listed organisation.</summary>
    public string? VerifiedDomain { get; set; }

    /// <summary>The signer agreed to show the "verified at" badge.</summary>
    public bool ShowVerifiedBadge { get; set; }

    /// <summary>How a moderator verified the person by other means (seen by organisers only); set, the signature is <see cref="Verification.Checked"/>.</summary>
    public string? CheckedNote { get; set; }

    /// <summary>The level the public sees, kept equal to <see cref="Verifications.Of"/> on every write (<see cref="Sealing.SignatureStorage"/>).</summary>
    public Verification Verification { get; set; }

    /// <summary>The UI culture the signature was made in (e.g. "fr").</summary>
    public string? Language { get; set; }

    /// <summary>The signer stopped every email about this letter (version notices, decisions, updates).</summary>
    public bool Unsubscribed { get; set; }

    /// <summary>The signer asked to hear when the letter is delivered or answered: never ticked for them, false from the API unless sent.</summary>
    public bool WantsUpdates { get; set; }

    /// <summary>What the signer's own page shows as their choice: asked for updates and has not stopped every email since.</summary>
    public bool GetsUpdates => WantsUpdates && !Unsubscribed;

    /// <summary>When the signer was told a moderator's decision on a pre-moderated letter: told once, never again.</summary>
    public DateTimeOffset? DecisionNotifiedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>
    /// Signed on behalf of an organisation (its name in <see cref="Organization"/>, its country in <see cref="Country"/>,
    /// the signer's role in <see cref="Title"/>): counted and listed apart from individuals, and part of the
    /// one-signature-per-address rule, so a person may sign once for an organisation and once for themselves.
    /// </summary>
    public bool ForOrganisation { get; set; }

    /// <summary>The organisation's website (public, like its name); its host is the organisation's domain.</summary>
    public string? Website { get; set; }

    /// <summary>Signed in the founding round, before the letter opened: listed first, with a mark, once it opens.</summary>
    public bool Founding { get; set; }

    /// <summary>Signed through a personal invitation sent to this address (<see cref="Verification.Invited"/>).</summary>
    public bool Invited { get; set; }

    public List<SignatureToken> Tokens { get; set; } = [];

    public void RefreshSearchText() =>
        SearchText = $"{Name} {Organization}".ToLowerInvariant();
}

public enum SignatureState { Unverified, AwaitingReview, Published, Rejected, Withdrawn }

public enum SignatureSource { Form, Api, Import }
