namespace Petition.Data.Delivery;

/// <summary>
/// Someone a letter is addressed to, kept in a directory that admins share across letters (e.g. the permanent
/// missions of the member states): a name, where to write, and the language they read.
/// </summary>
public class Recipient
{
    public int Id { get; set; }

    /// <summary>"Permanent Mission of Ghana to the United Nations Office at Geneva".</summary>
    public required string Name { get; set; }

    /// <summary>Where to write, canonical and separated by "; ". Never shown in public.</summary>
    public required string Emails { get; set; }

    /// <summary>ISO 3166-1 alpha-2, for a state's mission; null for an organisation.</summary>
    public string? Country { get; set; }

    public string? Organisation { get; set; }

    /// <summary>The language they read ("en", "fr"): a delivery uses the letter's translation into it where one exists.</summary>
    public string Language { get; set; } = "en";

    public DateTimeOffset CreatedAt { get; set; }
}
