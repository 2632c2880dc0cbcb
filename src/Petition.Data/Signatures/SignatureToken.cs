namespace Petition.Data.Signatures;

/// <summary>
/// A link a signer was emailed, stored only as the SHA-256 of its random value: to manage the signature (every email
/// carries a fresh one), or to confirm the details of one sign request made again with the same address (those
/// details live here, with the link that was mailed with them). Each works until it expires; all go when the
/// signature is withdrawn.
/// </summary>
public class SignatureToken
{
    public long Id { get; set; }
    public long SignatureId { get; set; }
    public Signature Signature { get; set; } = null!;
    public TokenPurpose Purpose { get; set; }
    public required byte[] Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>For <see cref="TokenPurpose.Confirm"/>: the details this link's email showed, as JSON; they are what it confirms.</summary>
    public string? Details { get; set; }

    /// <summary>What the database holds of <see cref="Details"/>: they name the signer.</summary>
    public byte[]? SealedDetails { get; set; }

    /// <summary>The network of the request that caused this email, so one client cannot spend another's email budget.</summary>
    public string? NetworkHash { get; set; }
}

/// <summary>
/// What a link may do: manage (see, correct, withdraw, export), confirm, or only stop updates. An unsubscribe link
/// travels in a header (List-Unsubscribe) that mail gateways, logs and providers' own services read, so it opens
/// nothing else.
/// </summary>
public enum TokenPurpose { Manage, Confirm, Unsubscribe }
