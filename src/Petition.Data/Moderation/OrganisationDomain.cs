namespace Petition.Data.Moderation;

/// <summary>An organisation and one of its email domains; a confirmed address there earns a "verified at" badge.</summary>
public class OrganisationDomain
{
    public int Id { get; set; }
    public required string Organisation { get; set; }

    /// <summary>Lower-case ASCII (punycode); subdomains match too.</summary>
    public required string Domain { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
