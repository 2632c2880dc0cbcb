namespace Petition.Data.Signatures;

/// <summary>
/// A link a signer was emailed (to manage their signature), stored only as the SHA-256 of its random value.
/// Every email carries a fresh one; each works until it expires, and all go when the signature is withdrawn.
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
}

public enum TokenPurpose { Manage }
