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

    /// <summary>For a letter under attack: the challenge from GET /api/letters/{slug}/challenge, and its solution.</summary>
    public string? PowChallenge { get; set; }
    public string? PowNonce { get; set; }
}
