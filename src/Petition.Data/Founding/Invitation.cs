using Petition.Data.Letters;

namespace Petition.Data.Founding;

/// <summary>
/// A personal invitation to sign a letter: a single-use link, emailed to one address. The address is kept only
/// sealed and as a keyed hash (like a signature's), the link only as a hash of its token.
/// </summary>
public class Invitation
{
    public long Id { get; set; }
    public int LetterId { get; set; }
    public Letter Letter { get; set; } = null!;

    /// <summary>The keyed hash of the address reduced to its mailbox, as <see cref="Signatures.Signature.EmailHash"/>.</summary>
    public string EmailHash { get; set; } = "";

    /// <summary>The address as the organiser typed it, sealed: what the page shows the invited person and the email goes to.</summary>
    public byte[] SealedEmail { get; set; } = [];

    /// <summary>The name the organiser gave, if any, to greet the person and fill the form; sealed with the address.</summary>
    public byte[]? SealedName { get; set; }

    /// <summary>SHA-256 of the emailed token.</summary>
    public byte[] TokenHash { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>When the link was used to sign; a used link signs nothing more.</summary>
    public DateTimeOffset? UsedAt { get; set; }
    public long? SignatureId { get; set; }
}
