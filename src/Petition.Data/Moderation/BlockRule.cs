namespace Petition.Data.Moderation;

/// <summary>A signer matching this rule sees the usual pages, and the signature is never published.</summary>
public class BlockRule
{
    public int Id { get; set; }
    public BlockKind Kind { get; set; }

    /// <summary>An email address, a domain (subdomains included), an IP address, or a CIDR range.</summary>
    public required string Value { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

public enum BlockKind { Email, Domain, Ip, Cidr }
