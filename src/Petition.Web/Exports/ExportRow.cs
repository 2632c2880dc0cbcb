using Petition.Data.Signatures;

namespace Petition.Web.Exports;

/// <summary>One signature as the exports read it; which of these fields reach a file is the scope's choice.</summary>
public record ExportRow(
    long Id, int LetterVersion, SignatureState State, SignatureSource Source, string Name, string Email,
    string? Title, string? Organization, string? Category, string? Country, string? City, string? Comment,
    bool ListPublicly, bool Notable, bool Hidden, string? Language, string? VerifiedDomain, bool ShowVerifiedBadge,
    DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? PublishedAt,
    string? ModerationReason, string? ModeratedBy, DateTimeOffset? ModeratedAt, string? BlockedReason,
    string? IpAddress, string? UserAgent, bool Unsubscribed, DateTimeOffset? UpdatedAt, DateTimeOffset? WithdrawnAt)
{
    /// <summary>How much the public list shows of this signer (the organisers' scopes only).</summary>
    public Visibility Visibility { get; init; }

    public Verification Verification { get; init; }

    /// <summary>Signed on behalf of an organisation (<see cref="Organization"/>), whose website this is.</summary>
    public bool ForOrganisation { get; init; }
    public string? Website { get; init; }

    /// <summary>Signed in the founding round, before the letter opened.</summary>
    public bool Founding { get; init; }
}
