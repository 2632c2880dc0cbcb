namespace Petition.Data.Recipients;

/// <summary>
/// Someone a letter is delivered to: a mission, a ministry, an office. The name, country, organisation and language
/// are institutional and shown beside their answer; the email addresses are personal data (a named diplomat's
/// address is as private as a signer's), held only sealed (<see cref="Sealed"/>, opened as the row loads).
/// </summary>
public abstract class Addressee
{
    public int Id { get; set; }

    /// <summary>"Permanent Mission of Ghana to the United Nations Office at Geneva".</summary>
    public required string Name { get; set; }

    /// <summary>ISO 3166-1 alpha-2, or null for an organisation that is not a state's.</summary>
    public string? Country { get; set; }

    /// <summary>The organisation, when the addressee is not (only) a state's: "OHCHR", "European Union".</summary>
    public string? Organisation { get; set; }

    /// <summary>The language the addressee reads, a culture name ("fr", "zh-Hans"): their pack and cover email use it.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Where the letter goes, canonical and in the order given; stored only sealed.</summary>
    public List<string> Emails { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>What <see cref="SealedValues"/> gives, sealed; null when there is nothing to seal.</summary>
    public byte[]? Sealed { get; set; }

    /// <summary>What is sealed, in order: the interceptor seals these and opens them again.</summary>
    public virtual string?[] SealedValues() => [Emails.Count == 0 ? null : string.Join('\n', Emails)];

    public virtual void Open(string?[] values) =>
        Emails = values[0] is { Length: > 0 } emails ? [.. emails.Split('\n')] : [];

    public const int SealedCount = 2;
}
