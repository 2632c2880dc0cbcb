namespace Petition.Web.Signing;

/// <summary>What a signer sends, by the form or the JSON API.</summary>
public class SignatureInput
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Title { get; set; }
    public string? Organization { get; set; }
    public string? Country { get; set; }
    public string? Category { get; set; }
    public string? City { get; set; }
    public string? Comment { get; set; }
    public bool ListPublicly { get; set; }

    /// <summary>
    /// How much the public list shows: "full", "name-and-country", "initials" or "counted" (see
    /// <see cref="Petition.Data.Signatures.Visibilities"/>). Absent, <see cref="ListPublicly"/> decides between the
    /// most and the least the letter offers.
    /// </summary>
    public string? Visibility { get; set; }

    /// <summary>Show "verified at example.org" when the confirmed address belongs to a listed organisation.</summary>
    public bool ShowVerifiedBadge { get; set; }

    /// <summary>Email me when the letter is delivered or answered: opt-in, false when absent.</summary>
    public bool WantsUpdates { get; set; }
    /// <summary>
    /// Signing on behalf of an organisation (on a letter that takes them): <see cref="Organization"/> is its name,
    /// <see cref="Country"/> its country, <see cref="Title"/> the signer's role there, and <see cref="OrganizationWebsite"/>
    /// its website. Spelled like the API's other "organization" fields.
    /// </summary>
    public bool ForOrganization { get; set; }
    public string? OrganizationWebsite { get; set; }

    /// <summary>For a letter under attack: the challenge from GET /api/letters/{slug}/challenge, and its solution.</summary>
    public string? PowChallenge { get; set; }
    public string? PowNonce { get; set; }
}
